/** A set that forgets its oldest entries beyond `capacity`: memory for a long-running bot stays flat. */
export class BoundedSet {
  private readonly entries = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  add(key: string): void {
    this.entries.delete(key);
    this.entries.add(key);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.values().next().value!);
  }
}
