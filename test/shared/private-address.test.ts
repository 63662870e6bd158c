import { isPrivateHost } from '../../nodes/shared/validate';

/** URLs a provider must download (media, stickers, pictures) may not point into a private network. */
const hostOf = (url: string) => new URL(url).hostname;

describe('isPrivateHost', () => {
	test.each([
		'http://localhost/a.png',
		'http://api.localhost/a.png',
		'http://127.0.0.1/a.png',
		'http://2130706433/a.png', // 127.0.0.1 as one number
		'http://0x7f.1/a.png',
		'http://0.0.0.0/a.png',
		'http://10.1.2.3/a.png',
		'http://172.16.0.1/a.png',
		'http://172.31.255.255/a.png',
		'http://192.168.1.1/a.png',
		'http://169.254.169.254/latest/meta-data',
		'http://100.64.0.1/a.png',
		'http://[::1]/a.png',
		'http://[::]/a.png',
		'http://[fc00::1]/a.png',
		'http://[fd12:3456:789a::1]/a.png',
		'http://[fe80::1]/a.png',
		'http://[febf::1]/a.png',
		'http://[::ffff:127.0.0.1]/a.png',
		'http://[::ffff:10.0.0.1]/a.png',
		'http://[::ffff:169.254.169.254]/a.png',
		'http://[::ffff:7f00:1]/a.png',
		'http://[::127.0.0.1]/a.png',
	])('%s is private', (url) => {
		expect(isPrivateHost(hostOf(url))).toBe(true);
	});

	test.each([
		'https://cdn.maytapi.com/a.png',
		'http://8.8.8.8/a.png',
		'http://172.32.0.1/a.png',
		'http://169.255.0.1/a.png',
		'http://[2001:4860:4860::8888]/a.png',
		'http://[::ffff:8.8.8.8]/a.png',
		'http://[fec0::1]/a.png',
	])('%s is public', (url) => {
		expect(isPrivateHost(hostOf(url))).toBe(false);
	});
});
