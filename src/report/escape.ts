/**
 * Escaping for text that comes from users (feature names, model names, issue titles, paths):
 * in Markdown it must not open links, images, mentions, HTML or break a table; in HTML it must
 * not open a tag. Pure.
 */

/**
 * Escapes what lets text change Markdown's structure: emphasis and code (\ ` * _ ~), links and
 * images ([ ]), table cells (|), HTML tags and entities (< > & become entities, which GitHub shows
 * as the characters), @mentions (a zero-width space stops the ping) and line breaks. What GitHub
 * links without brackets (GFM's extended autolinks, and issue references, which also post a
 * "mentioned this" event on the issue) gets a zero-width space inside its trigger, so "https://x",
 * "www.x", "mailto:x", "#12" and "GH-12" stay text. Sentence punctuation (. , ( ) - !) is left alone.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_~\[\]|]/g, "\\$&")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@\u200b")
    .replace(/([a-z][a-z0-9+.-]*:)(?=\/\/)/gi, "$1\u200b")
    .replace(/\b(www)(?=\.)/gi, "$1\u200b")
    .replace(/\b(mailto|xmpp):/gi, "$1:\u200b")
    .replace(/#(?=\d)/g, "#\u200b")
    .replace(/\b(GH-)(?=\d)/gi, "$1\u200b");
}

/**
 * Every line break CommonMark or a browser honours (CR alone included, and U+2028/2029) and every
 * other control character becomes a space: user text stays on the line it was put on.
 */
function oneLine(text: string): string {
  return String(text).replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

/**
 * Text for the Actions runner's stdout. The runner reads two command syntaxes: a line that starts
 * with "::" after any whitespace (set an output, add a mask, stop commands), and the legacy
 * "##[name]" anywhere in a line. A zero-width space (not whitespace to the runner) goes before each
 * "::" that starts a line and inside each "##[". Line breaks are kept; a lone CR counts as one, as
 * the log viewer shows it.
 */
export function escapeWorkflowCommands(text: string): string {
  return String(text)
    .replace(/(^|\r\n|[\r\n\u2028\u2029])(\s*)::/g, "$1$2\u200b::")
    .replace(/##\[/g, "##\u200b[");
}

/** For inline code spans: backticks cannot be escaped inside one, so they are replaced. */
export function markdownCode(text: string): string {
  return "`" + oneLine(text).replace(/`/g, "ˋ") + "`";
}

export function escapeHtml(text: string): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
