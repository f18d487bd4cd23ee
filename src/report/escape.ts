/**
 * Escaping for text that comes from users (feature names, model names, issue titles, paths):
 * in Markdown it must not open links, images, mentions, HTML or break a table; in HTML it must
 * not open a tag. Pure.
 */

/**
 * Escapes what lets text change Markdown's structure: emphasis and code (\ ` * _ ~), links and
 * images ([ ]), table cells (|), HTML tags and entities (< > & become entities, which GitHub shows
 * as the characters), @mentions (a zero-width space stops the ping) and line breaks. Sentence
 * punctuation (. , ( ) - !) is left alone: without a [ it cannot make a link or an image.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_~\[\]|]/g, "\\$&")
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
