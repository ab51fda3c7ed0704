/**
 * The files a pull request changes, as repository-relative paths: GET /repos/{owner}/{repo}/pulls/{n}/files,
 * 100 per page. A renamed file counts under both its new and its previous name. GitHub lists at most 3,000 files
 * of a pull request; a list that reaches that cap is marked incomplete.
 */
import type { Logger } from '../logging.js';
import { type GitHubClient, toGitHubApiError } from './client.js';

/** GitHub lists at most this many files of a pull request. */
const MAX_PULL_REQUEST_FILES = 3000;

export interface ChangedFilesQuery {
  owner: string;
  repo: string;
  /** Absent outside a pull request. */
  prNumber?: number;
}

export interface ChangedFiles {
  files: Set<string>;
  /** False outside a pull request, or when GitHub's 3,000-file cap was reached. */
  complete: boolean;
  /** Why the set is empty or incomplete. */
  reason?: string;
}

/** Lists a pull request's changed files (with the previous names of renamed files). */
export async function listChangedFiles(
  octokit: GitHubClient,
  query: ChangedFilesQuery,
  logger?: Logger
): Promise<ChangedFiles> {
  const { owner, repo, prNumber } = query;
  if (prNumber === undefined) {
    return { files: new Set(), complete: false, reason: 'not a pull request: there are no changed files to list' };
  }
  const path = `/repos/${owner}/${repo}/pulls/${prNumber}/files`;
  const files = new Set<string>();
  let listed = 0;
  try {
    const entries = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: prNumber,
      per_page: 100
    });
    for (const f of entries) {
      listed++;
      if (f.filename) files.add(f.filename);
      if (f.previous_filename) files.add(f.previous_filename);
    }
  } catch (err) {
    throw toGitHubApiError('GET', path, err);
  }
  logger?.debug(`${path}: ${listed} files listed (${files.size} paths with previous names of renames).`);
  if (listed >= MAX_PULL_REQUEST_FILES) {
    const reason =
      `GitHub lists at most ${MAX_PULL_REQUEST_FILES.toLocaleString('en-US')} files of a pull request, and ` +
      `pull request #${prNumber} reached that: files beyond them are not in the list.`;
    logger?.warn(reason);
    return { files, complete: false, reason };
  }
  return { files, complete: true };
}
