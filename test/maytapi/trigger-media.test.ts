import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { MaytapiTrigger } from '../../nodes/Maytapi/MaytapiTrigger.node';
import { sobotDeliveries } from '../../nodes/Sobot/webhook/events';
import { handleDelivery } from '../../nodes/shared/trigger/delivery';
import type { MediaLimits } from '../../nodes/shared/trigger/media';
import { readBinary } from '../harness/engine';
import { TriggerHarness } from '../harness/trigger';

/**
 * Download Media is bounded (issue 6, point 8): a size cap checked by Content-Length and by the bytes
 * received, redirects re-checked against the allowed hosts, a few downloads at a time, one time budget.
 * A local media server stands in for the provider's CDN; the credential's base URL points at it, which
 * makes its host an allowed media host.
 */
const PRODUCT = '5f0c3e1a-7b2d-4c9e-9a41-3d6e8b2f1c07';
const MB = 1024 * 1024;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const image = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'incoming-image.json'), 'utf8'));

interface MediaServer {
	origin: string;
	hits: string[];
	maxInFlight: number;
	close(): Promise<void>;
}

async function mediaServer(routes: Record<string, (res: http.ServerResponse, server: MediaServer) => void>): Promise<MediaServer> {
	let inFlight = 0;
	const server = http.createServer((req, res) => {
		const route = routes[req.url ?? ''];
		state.hits.push(req.url ?? '');
		inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, inFlight);
		res.on('close', () => inFlight--);
		if (route) route(res, state);
		else res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const state: MediaServer = {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		hits: [],
		maxInFlight: 0,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
	return state;
}

const servers: MediaServer[] = [];
async function startServer(routes: Parameters<typeof mediaServer>[0]) {
	const s = await mediaServer(routes);
	servers.push(s);
	return s;
}
afterEach(async () => {
	await TriggerHarness.closeAll();
	await Promise.all(servers.splice(0).map((s) => s.close()));
});

const credentialsFor = (server: MediaServer) => ({ productId: PRODUCT, apiToken: 't', phoneId: '12345', baseUrl: `${server.origin}/api` });

function maytapiTrigger(server: MediaServer, options: IDataObject = {}) {
	return new TriggerHarness(
		{ node: new MaytapiTrigger(), credentialType: new MaytapiApi(), credentials: credentialsFor(server) },
		{ registration: 'manual', events: ['message'], options: { downloadMedia: true, ...options } },
	);
}
const imageAt = (url: string, id: string) => ({ ...image, message: { ...image.message, id, url } });

describe('size cap', () => {
	test('a file whose Content-Length is over the cap is not read; the item keeps its URL and says why', async () => {
		const server = await startServer({
			'/big.jpeg': (res) => {
				res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(3 * MB) });
				res.end(Buffer.alloc(3 * MB));
			},
		});
		const url = `${server.origin}/big.jpeg`;
		const delivery = await maytapiTrigger(server, { maxMediaSizeMb: 1 }).deliver(imageAt(url, 'big-1'));
		expect(delivery.status).toBe(200);
		const [item] = delivery.response.workflowData![0];
		expect(item.binary).toBeUndefined();
		expect(item.json.media).toMatchObject({ url, downloadError: expect.stringMatching(/larger than 1048576 bytes \(Content-Length 3145728\)/) });
	});

	test('a file without Content-Length is cut off once the bytes received pass the cap', async () => {
		const server = await startServer({
			'/stream.jpeg': (res) => {
				res.writeHead(200, { 'content-type': 'image/jpeg' }); // chunked: no length announced
				for (let n = 0; n < 20; n++) res.write(Buffer.alloc(128 * 1024));
				res.end();
			},
		});
		const delivery = await maytapiTrigger(server, { maxMediaSizeMb: 1 }).deliver(imageAt(`${server.origin}/stream.jpeg`, 'stream-1'));
		const [item] = delivery.response.workflowData![0];
		expect(item.binary).toBeUndefined();
		expect((item.json.media as IDataObject).downloadError).toBe('the file is larger than 1048576 bytes');
	});

	test('the default cap is 16 MB and a file under it is downloaded, with downloadError null', async () => {
		const server = await startServer({ '/ok.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG) });
		const delivery = await maytapiTrigger(server).deliver(imageAt(`${server.origin}/ok.png`, 'ok-1'));
		const [item] = delivery.response.workflowData![0];
		expect((item.json.media as IDataObject).downloadError).toBeNull();
		expect(await readBinary(item.binary!.data)).toEqual(PNG);
	});
});

describe('redirects', () => {
	test('a redirect to a host that is not allowed is not followed', async () => {
		const elsewhere = await startServer({ '/x.png': (res) => res.writeHead(200).end(PNG) });
		const server = await startServer({ '/moved.png': (res) => res.writeHead(302, { location: `${elsewhere.origin}/x.png` }).end() });
		const delivery = await maytapiTrigger(server).deliver(imageAt(`${server.origin}/moved.png`, 'moved-1'));
		const [item] = delivery.response.workflowData![0];
		expect(item.binary).toBeUndefined();
		expect((item.json.media as IDataObject).downloadError).toMatch(/^redirected: .* is not one of the provider's media hosts$/);
		expect(elsewhere.hits).toEqual([]);
	});

	test('a redirect within the allowed hosts is followed, at most a few hops', async () => {
		const server = await startServer({
			'/a.png': (res) => res.writeHead(302, { location: '/b.png' }).end(),
			'/b.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
			'/loop.png': (res) => res.writeHead(302, { location: '/loop.png' }).end(),
		});
		const t = maytapiTrigger(server);
		const followed = (await t.deliver(imageAt(`${server.origin}/a.png`, 'hop-1'))).response.workflowData![0][0];
		expect(await readBinary(followed.binary!.data)).toEqual(PNG);
		const looped = (await t.deliver(imageAt(`${server.origin}/loop.png`, 'hop-2'))).response.workflowData![0][0];
		expect((looped.json.media as IDataObject).downloadError).toBe('more than 3 redirects');
		expect(server.hits.filter((h) => h === '/loop.png')).toHaveLength(4);
	});
});

/** A trigger on the shared core with explicit media limits: Sobot's mapper, several media per delivery. */
function limitedTrigger(server: MediaServer, limits: Partial<MediaLimits>) {
	class LimitedTrigger implements INodeType {
		description = { ...new MaytapiTrigger().description, name: 'limitedTrigger', properties: [] } as INodeTypeDescription;

		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			return await handleDelivery.call(this, sobotDeliveries, {
				secrets: [],
				accept: () => true,
				downloadMediaFrom: (host) => host === new URL(server.origin).host,
				mediaLimits: limits,
			});
		}
	}
	return new TriggerHarness({ node: new LimitedTrigger(), credentialType: new MaytapiApi(), credentials: credentialsFor(server) }, {});
}
const sobotImages = (server: MediaServer, paths: string[]) => [
	{
		field: 'messages',
		value: { messages: paths.map((p, n) => ({ id: `wamid.${n}-${p}`, from: '919960123456', type: 'image', image: { url: `${server.origin}${p}`, mime_type: 'image/png' } })) },
	},
];

describe('parallel downloads and the time budget', () => {
	test('no more downloads run at once than the limit', async () => {
		// Each answer is held until all six requests have arrived, or 200 ms have passed: without a
		// limit all six are in flight at once; with the limit, two at a time.
		const waiting: Array<() => void> = [];
		const hold = (res: http.ServerResponse) => {
			res.writeHead(200, { 'content-type': 'image/png' });
			let done = false;
			const finish = () => {
				if (!done) res.end(PNG);
				done = true;
			};
			waiting.push(finish);
			if (waiting.length === 6) waiting.splice(0).forEach((f) => f());
			else setTimeout(finish, 200);
		};
		const server = await startServer(Object.fromEntries(['/1.png', '/2.png', '/3.png', '/4.png', '/5.png', '/6.png'].map((p) => [p, hold])));
		const delivery = await limitedTrigger(server, { concurrency: 2 }).deliver(sobotImages(server, ['/1.png', '/2.png', '/3.png', '/4.png', '/5.png', '/6.png']));
		const items = delivery.response.workflowData![0];
		expect(items).toHaveLength(6);
		expect(items.every((i) => i.binary?.data)).toBe(true);
		expect(server.hits).toHaveLength(6);
		expect(server.maxInFlight).toBeLessThanOrEqual(2);
	});

	test('downloads still running when the budget is spent are given up; their items keep the URL', async () => {
		const server = await startServer({
			'/fast.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
			'/stalls.png': (res) => {
				res.writeHead(200, { 'content-type': 'image/png' });
				res.write(PNG.subarray(0, 4)); // and never ends
			},
		});
		const delivery = await limitedTrigger(server, { budgetMs: 300 }).deliver(sobotImages(server, ['/fast.png', '/stalls.png']));
		expect(delivery.status).toBe(200);
		const [fast, stalled] = delivery.response.workflowData![0];
		expect(fast.binary?.data).toBeDefined();
		expect(stalled.binary).toBeUndefined();
		expect(stalled.json.media).toMatchObject({ url: `${server.origin}/stalls.png`, downloadError: 'the time budget for media downloads ran out' });
	});
});
