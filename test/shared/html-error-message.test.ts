import type { INode } from 'n8n-workflow';

import { describeBody, providerError } from '../../nodes/shared/errors';
import { defaultMessageOf } from '../../nodes/shared/request';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startInbox360 } from '../inbox360/setup';
import { startMaytapi } from '../maytapi/setup';

/** nginx's own 502 page, byte for byte as it serves it (CRLF line ends). */
const NGINX_502 = [
	'<html>',
	'<head><title>502 Bad Gateway</title></head>',
	'<body>',
	'<center><h1>502 Bad Gateway</h1></center>',
	'<hr><center>nginx/1.24.0 (Ubuntu)</center>',
	'</body>',
	'</html>',
	'',
].join('\r\n');

/** Django's technical 500 page (DEBUG = True), shortened: styles, scripts, the traceback. */
const DJANGO_DEBUG_500 = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>IntegrityError
          at /api/v1/tags/</title>
  <style type="text/css">
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    h1 { font-weight:normal; }
  </style>
  <script>
    function hideAll(elems) { for (var e = 0; e < elems.length; e++) { elems[e].style.display = 'none'; } }
  </script>
</head>
<body>
<div id="summary">
  <h1>IntegrityError
       at /api/v1/tags/</h1>
  <pre class="exception_value">UNIQUE constraint failed: tags_tag.name</pre>
  <table class="meta">
    <tr><th scope="row">Request Method:</th><td>POST</td></tr>
    <tr><th scope="row">Request URL:</th><td>https://inbox.example.com/api/v1/tags/</td></tr>
    <tr><th scope="row">Django Version:</th><td>4.2.11</td></tr>
  </table>
</div>
<div id="traceback"><h2>Traceback <span class="commands"><a href="#" onclick="return switchPastebinFriendly(this);">Switch to copy-and-paste view</a></span></h2></div>
</body>
</html>
`;

describe('an HTML error page becomes readable text in the message', () => {
	test('nginx 502: its title', () => {
		expect(defaultMessageOf(NGINX_502)).toBe('502 Bad Gateway');
	});

	test('Django debug page: its title, whitespace collapsed (no CSS, script or traceback)', () => {
		expect(defaultMessageOf(DJANGO_DEBUG_500)).toBe('IntegrityError at /api/v1/tags/');
		expect(defaultMessageOf(DJANGO_DEBUG_500, { fieldErrors: true })).toBe('IntegrityError at /api/v1/tags/');
	});

	test('no title: the first h1 (Django without DEBUG answers a bad request so)', () => {
		expect(defaultMessageOf('<!doctype html>\n<html lang="en">\n<body>\n  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n')).toBe('Bad Request (400)');
		expect(defaultMessageOf('<html><head><title>  </title></head><body><h1>Server Error (500)</h1></body></html>')).toBe('Server Error (500)');
	});

	test('neither: all text without tags, scripts, styles and comments, entities decoded, whitespace collapsed', () => {
		const page = '<html><head><style>p { color: red }</style></head><body><!-- node 7 -->\n<p>Upstream &amp; backend\n\n are <b>down</b>&#33;</p><script>track()</script></body></html>';
		expect(defaultMessageOf(page)).toBe('Upstream & backend are down!');
		expect(defaultMessageOf('<p>Account <em>suspended</em></p>')).toBe('Account suspended');
	});

	test('the text is cut at 300 characters, as plain text is', () => {
		const long = `<html><body><p>${'word '.repeat(100)}</p></body></html>`;
		expect(defaultMessageOf(long)).toBe('word '.repeat(60));
	});

	test('a hostile page (unclosed tags, comments and scripts by the thousand) is read in linear time', () => {
		const started = Date.now();
		for (const junk of ['<title>', '<h1>', '<!--', '<script>', '<style>', '<p>']) {
			expect(defaultMessageOf(`<html>${junk.repeat(50_000)}`)).toBeUndefined();
		}
		// A lone "<" is no tag: it stays, cut like any text.
		expect(defaultMessageOf(`<html>${'<b'.repeat(50_000)}`)).toBe('<b'.repeat(150));
		expect(defaultMessageOf(`<html><body>${'<p>x'.repeat(50_000)}`)).toBe('x '.repeat(150));
		expect(Date.now() - started).toBeLessThan(2000);
	});

	test('plain text stays as it is (even with angle brackets), and a page of no text says nothing', () => {
		expect(defaultMessageOf('  Service temporarily unavailable \n')).toBe('Service temporarily unavailable');
		expect(defaultMessageOf('limit <= 5 and > 0')).toBe('limit <= 5 and > 0');
		expect(defaultMessageOf('<html><body></body></html>')).toBeUndefined();
	});
});

describe('an HTML error page becomes the same readable text in the description', () => {
	const node: INode = { id: 'n', name: 'Node', type: 'test.node', typeVersion: 1, position: [0, 0], parameters: {} };

	test('nginx 502: "Response: 502 Bad Gateway", no tags', () => {
		const error = providerError({ node, provider: 'Maytapi', status: 502, providerMessage: defaultMessageOf(NGINX_502), body: NGINX_502, secrets: [] });
		expect(error.description).toContain('Response: 502 Bad Gateway');
		expect(error.description).not.toContain('<');
		expect(describeBody(Buffer.from(NGINX_502), [])).toBe('502 Bad Gateway');
	});

	test('Django debug page: its title, no CSS, script or markup', () => {
		expect(describeBody(DJANGO_DEBUG_500, [])).toBe('IntegrityError at /api/v1/tags/');
	});

	test('a secret on the page is redacted, also where the page spells it with entities', () => {
		const secret = 'k"ey<&>9876';
		const page = '<html><head><title>Token k&quot;ey&lt;&amp;&gt;9876 is disabled</title></head><body></body></html>';
		expect(describeBody(page, [secret])).toBe('Token *** is disabled');
		expect(describeBody(`<html><body><p>bad ${secret}</p></body></html>`, [secret])).not.toContain('9876');
	});

	test('plain text and JSON bodies are described as before', () => {
		expect(describeBody('limit <= 5 and > 0', [])).toBe('limit <= 5 and > 0');
		expect(describeBody({ message: '<b>x</b>' }, [])).toBe('{"message":"<b>x</b>"}');
	});
});

describe('through the node, over HTTP', () => {
	describe('Maytapi', () => {
		const env = providerPerFile(startMaytapi);

		test('a proxy 502 page on a send is reported as "502 Bad Gateway"', async () => {
			env.fake.failNext({ status: 502, body: NGINX_502, contentType: 'text/html' });
			const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', to: '905301234567', text: 'Hi' } });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe('Maytapi: 502 Bad Gateway');
			expect(result.error?.httpCode).toBe('502');
			expect(result.error?.description).toContain('Response: 502 Bad Gateway');
			expect(result.error?.description).not.toContain('<');
		});
	});

	describe('360dialog Inbox', () => {
		const env = providerPerFile(startInbox360);

		test("Django's debug page on a create is reported by its title", async () => {
			env.fake.failNext({ status: 500, body: DJANGO_DEBUG_500, contentType: 'text/html; charset=utf-8' });
			const result = await runNode(env.action, { parameters: { resource: 'tag', operation: 'create', name: 'Refund' } });
			expect(result.error?.message).toBe('360dialog Inbox: IntegrityError at /api/v1/tags/');
			expect(result.error?.httpCode).toBe('500');
		});
	});
});
