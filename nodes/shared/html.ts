/**
 * Reading an HTML error page (a proxy's or the platform's) as text, for the error message
 * (shared/request) and the error description (shared/errors) alike.
 */

/** An HTML page (a proxy's or the platform's error page) rather than plain text. */
export function looksLikeHtml(text: string): boolean {
	return /<(?:!doctype\s+html|html|head|body)\b/i.test(text) || /<\/[a-z][a-z0-9]*\s*>/i.test(text);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Tags inside a line of text ("are <b>down</b>!"): removed without a space, unlike block tags. */
const INLINE_TAG = /<\/?(?:a|abbr|b|code|em|font|i|kbd|small|span|strong|sub|sup|tt|u)\b[^<>]*>/gi;

/** Text of an HTML fragment: tags removed, common entities decoded, whitespace collapsed. */
function plainText(html: string): string {
	return html
		.replace(INLINE_TAG, '')
		.replace(/<[^<>]*>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
			if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Readable text of an HTML error page: its `<title>` (nginx "502 Bad Gateway", Django's "IntegrityError
 * at /api/v1/tags/"), else its first `<h1>`, else all its text without scripts, styles and comments.
 * Each pattern scans forward only (no lazy match across the page), so a hostile page costs linear time.
 */
export function htmlText(html: string): string {
	for (const tag of ['title', 'h1']) {
		const open = new RegExp(`<${tag}\\b[^<>]*>`, 'i').exec(html);
		if (!open) continue;
		const start = open.index + open[0].length;
		const close = new RegExp(`</${tag}\\s*>`, 'gi');
		close.lastIndex = start;
		const end = close.exec(html)?.index;
		const text = end === undefined ? '' : plainText(html.slice(start, end));
		if (text) return text;
	}
	return plainText(withoutBlocks(html));
}

/** The page without comments, scripts and styles (an unclosed one runs to the end). */
function withoutBlocks(html: string): string {
	const opener = /<!--|<(script|style)\b[^<>]*>/gi;
	let out = '';
	let from = 0;
	for (let open = opener.exec(html); open; open = opener.exec(html)) {
		out += `${html.slice(from, open.index)} `;
		const closer = open[1] ? new RegExp(`</${open[1]}\\s*>`, 'gi') : /-->/g;
		closer.lastIndex = opener.lastIndex;
		const close = closer.exec(html);
		if (!close) return out;
		from = opener.lastIndex = closer.lastIndex;
	}
	return out + html.slice(from);
}
