/**
 * The protobuf wire format, just enough to write and read ONNX files without a protobuf library.
 *
 * Wire format (https://protobuf.dev/programming-guides/encoding/): every field is a key
 * `(fieldNumber << 3) | wireType` followed by its payload; wire types used here are
 * 0 = varint, 1 = fixed64, 2 = length-delimited (strings, bytes, nested messages, packed
 * repeated scalars), 5 = fixed32. Example: field 1 = varint 150 encodes as `08 96 01`.
 */

const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder("utf-8", { fatal: true });
const TWO_TO_64 = 1n << 64n;

/** Builds one message's bytes; nested messages are built by their own writer and added as bytes. */
export class ProtoWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private rawVarint(value: number | bigint): void {
    // int64 semantics: negative values are written as their 64-bit two's complement (10 bytes).
    let v = BigInt(value);
    if (v < 0n) v += TWO_TO_64;
    this.reserve(10);
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      this.buffer[this.length++] = byte;
    } while (v !== 0n);
  }

  private key(field: number, wireType: number): void {
    this.rawVarint((field << 3) | wireType);
  }

  private rawBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** int32 / int64 / enum / bool fields. */
  varint(field: number, value: number | bigint): this {
    this.key(field, WireType.varint);
    this.rawVarint(value);
    return this;
  }

  /** A `float` field (fixed32, little-endian IEEE 754 single). */
  float(field: number, value: number): this {
    this.key(field, WireType.fixed32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.rawBytes(bytes);
    return this;
  }

  /** A `double` field (fixed64, little-endian IEEE 754 double). */
  double(field: number, value: number): this {
    this.key(field, WireType.fixed64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.rawBytes(bytes);
    return this;
  }

  /** A `bytes` field, or an already-encoded nested message. */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, WireType.lengthDelimited);
    this.rawVarint(value.length);
    this.rawBytes(value);
    return this;
  }

  /** A `string` field (UTF-8). */
  string(field: number, value: string): this {
    return this.bytes(field, textEncoder.encode(value));
  }

  /** A nested message built by `build` into its own writer. */
  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** A packed `repeated float` field: one length-delimited run of fixed32 values. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    return this.bytes(field, bytes);
  }

  /** A packed `repeated int64` field: one length-delimited run of varints. */
  packedVarints(field: number, values: ArrayLike<number | bigint>): this {
    const inner = new ProtoWriter();
    for (let i = 0; i < values.length; i++) inner.rawVarint(values[i]);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** One decoded field: varints come back as bigint so int64 values survive. */
export type ProtoField =
  | { field: number; wireType: 0; value: bigint }
  | { field: number; wireType: 1; value: Uint8Array }
  | { field: number; wireType: 2; value: Uint8Array }
  | { field: number; wireType: 5; value: Uint8Array };

/** Thrown on bytes that are not valid protobuf; callers turn it into a UserError naming the file. */
export class ProtoDecodeError extends Error {
  override readonly name = "ProtoDecodeError";
}

/** A read position in a byte array; throws ProtoDecodeError instead of reading past the end. */
class Cursor {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new ProtoDecodeError(`truncated varint at byte ${this.offset}`);
      if (shift > 63n) throw new ProtoDecodeError(`varint longer than 10 bytes at byte ${this.offset}`);
      const byte = this.bytes[this.offset++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  }

  take(count: number): Uint8Array {
    if (count < 0 || this.offset + count > this.bytes.length) {
      throw new ProtoDecodeError(
        `field of ${count} bytes at byte ${this.offset} runs past the end (${this.bytes.length} bytes)`,
      );
    }
    const view = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return view;
  }
}

/**
 * Iterates over the fields of one message. Length-delimited payloads are views into the input,
 * not copies, so skipping a large initializer costs nothing.
 */
export function* readFields(bytes: Uint8Array): Generator<ProtoField> {
  const cursor = new Cursor(bytes);
  while (!cursor.done) {
    const at = cursor.offset;
    const { field, wireType } = readKey(cursor, at);
    switch (wireType) {
      case 0:
        yield { field, wireType, value: cursor.varint() };
        break;
      case 1:
        yield { field, wireType, value: cursor.take(8) };
        break;
      case 2: {
        const length = cursor.varint();
        if (length > BigInt(bytes.length)) {
          throw new ProtoDecodeError(
            `field of ${length} bytes at byte ${cursor.offset} runs past the end (${bytes.length} bytes)`,
          );
        }
        yield { field, wireType, value: cursor.take(Number(length)) };
        break;
      }
      case 5:
        yield { field, wireType, value: cursor.take(4) };
        break;
      case 3:
        // A group (deprecated, but parsers accept it): skipped as protobuf skips unknown fields,
        // so nothing hidden inside one is ever taken for a field that follows it.
        skipGroup(cursor, field, at);
        break;
      default:
        throw new ProtoDecodeError(`unsupported wire type ${wireType} at byte ${at}`);
    }
  }
}

/** The largest field number protobuf allows (2^29 - 1). */
const MAX_FIELD = 536_870_911;

/**
 * A field key. Keys are 32-bit: a longer varint is refused, because protobuf's C++ reader (the one
 * onnxruntime uses) keeps only the low 32 bits, so an over-long key would be read here as one field
 * and there as another (a way to hide external_data from a check).
 */
function readKey(cursor: Cursor, at: number): { field: number; wireType: number } {
  const key = cursor.varint();
  if (key >= 1n << 32n) throw new ProtoDecodeError(`field key longer than 32 bits at byte ${at}`);
  const field = Number(key >> 3n);
  if (field === 0 || field > MAX_FIELD)
    throw new ProtoDecodeError(`field number ${field} at byte ${at} (protobuf allows 1 to ${MAX_FIELD})`);
  return { field, wireType: Number(key & 7n) };
}

/** Skips to the end-group key of `field`, nested groups included. */
function skipGroup(cursor: Cursor, field: number, at: number): void {
  for (;;) {
    if (cursor.done) throw new ProtoDecodeError(`group of field ${field} at byte ${at} is never closed`);
    const { field: inner, wireType } = readKey(cursor, cursor.offset);
    if (wireType === 4) {
      if (inner !== field) throw new ProtoDecodeError(`group of field ${field} at byte ${at} closed by field ${inner}`);
      return;
    }
    if (wireType === 0) cursor.varint();
    else if (wireType === 1) cursor.take(8);
    else if (wireType === 2) cursor.take(Number(cursor.varint()));
    else if (wireType === 5) cursor.take(4);
    else if (wireType === 3) skipGroup(cursor, inner, cursor.offset);
    else throw new ProtoDecodeError(`unsupported wire type ${wireType} in a group at byte ${cursor.offset}`);
  }
}

/** Interprets a varint as a signed int64 (two's complement), as protobuf's int64 does. */
export function toSignedInt64(value: bigint): bigint {
  return value >= 1n << 63n ? value - TWO_TO_64 : value;
}

const lenientDecoder = new TextDecoder("utf-8");

/**
 * Decodes a string field without ever failing (invalid bytes become U+FFFD): ONNX is proto2, so
 * onnxruntime accepts strings that are not UTF-8, and a check that must see every field cannot stop
 * at one.
 */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return textDecoder.decode(bytes);
  } catch {
    throw new ProtoDecodeError("a string field is not valid UTF-8");
  }
}

/** Reads a `float` field's fixed32 payload. */
export function decodeFloat32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true);
}

/** Reads the payload of a packed `repeated int64` field as signed values. */
export function decodePackedVarints(bytes: Uint8Array): bigint[] {
  const cursor = new Cursor(bytes);
  const values: bigint[] = [];
  while (!cursor.done) values.push(toSignedInt64(cursor.varint()));
  return values;
}
