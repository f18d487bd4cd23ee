import { test } from "node:test";
import assert from "node:assert/strict";
import { createNonRepo, createTestRepo } from "../support/git-repo.ts";
import { addNoteFromBlob, noteBlobOf, readNoteText } from "../../src/git/notes.ts";

const REF = "refs/notes/modelkeeper";

test("noteBlobOf: the note blob on an object, undefined without one (or without the notes ref); throws outside a repository", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    const commit = await repo.commit();
    const blob = (await repo.git.run(["hash-object", "-w", "--stdin"], { input: "manifest\n" })).trim();
    assert.equal(await noteBlobOf(repo.git, blob, REF), undefined); // no notes ref yet
    await addNoteFromBlob(repo.git, blob, blob, REF); // a blob kept reachable as a note on itself
    assert.equal(await noteBlobOf(repo.git, blob, REF), blob);
    assert.equal(await noteBlobOf(repo.git, commit, REF), undefined);
    await addNoteFromBlob(repo.git, commit, blob, REF);
    assert.equal(await readNoteText(repo.git, commit, REF), "manifest\n");
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(noteBlobOf(outside.git, "HEAD", REF), /notes .* list HEAD failed/);
  } finally {
    await outside.cleanup();
  }
});
