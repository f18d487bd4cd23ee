// A loopback GitHub for tests (GitHub itself cannot be reached from CI machines here).
//
//   const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", collaborators: { alice: "write" } }] });
//   const octokit = new Octokit({ baseUrl: gh.url, auth: "test-token" });   // acts as the repo owner
//   ... run the code under test ...
//   assert.equal(gh.state.repo("acme/fraud").commentsOn(1).length, 1);
//   gh.assertNoViolations();   // every request matched GitHub's OpenAPI description
//   await gh.close();
//
// Probot: new Probot({ appId: 1, privateKey, baseUrl: gh.url }) (or GHE_HOST=gh.gheHost,
// GHE_PROTOCOL=http); the installation id in webhook payloads must be 1 (the default installation).
// Faults: gh.failNext({ method: "POST", path: "/repos/{owner}/{repo}/issues" }, [{ status: 502 }]).
// Webhooks GitHub would send for changes: gh.events (send them with ../webhooks.ts sendWebhook).
export { startGitHubStandIn } from "./server.ts";
export type { GitHubStandIn } from "./server.ts";
export { Repo } from "./state.ts";
export type { RepoOptions, UserRecord } from "./state.ts";
