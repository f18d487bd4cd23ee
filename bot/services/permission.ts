/**
 * Who may ask for a retrain: people whose permission on the repository is write or admin (maintain
 * reports as write), asked of the API, never guessed from a payload's author_association.
 */
import type { BotGitHub, RepoTarget } from "./github.ts";
import { statusOf } from "./github.ts";

export async function canRequestRetrain(github: BotGitHub, repo: RepoTarget, login: string): Promise<boolean> {
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({
      owner: repo.owner,
      repo: repo.repo,
      username: login,
    });
    return data.permission === "admin" || data.permission === "write" || data.role_name === "maintain";
  } catch (error) {
    // GitHub answers 404 for someone who is not a collaborator at all.
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
