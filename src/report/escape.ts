/**
 * Escaping for text that comes from users (feature names, model names, issue titles, paths):
 * in Markdown it must not open links, images, mentions, HTML or break a table; in HTML it must
 * not open a tag. Pure.
 */

/**
 * Escapes Markdown-significant characters and neutralises HTML tags (< and > become entities,
 * which GitHub shows as the characters) and @mentions.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\\`*_{}\[\]()#+\-.!|~]/g, "\\$&")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@\u200b")
    .replace(/\r?\n/g, " ");
}

/** For inline code spans: backticks cannot be escaped inside one, so they are replaced. */
export function markdownCode(text: string): string {
  return "`" + String(text).replace(/`/g, "ˋ").replace(/\r?\n/g, " ") + "`";
}

export function escapeHtml(text: string): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
