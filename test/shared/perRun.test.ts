import { PerRun } from '../../nodes/shared/perRun';

describe('PerRun: one load per node run and key', () => {
	test('items of one run share the load in flight; another run, or another key, loads its own', async () => {
		const lists = new PerRun<string[]>();
		let loads = 0;
		const load = async () => {
			loads++;
			return ['a'];
		};
		const run = {};
		await Promise.all([lists.once(run, 'tags', load), lists.once(run, 'tags', load), lists.once(run, 'tags', load)]);
		expect(loads).toBe(1);
		await lists.once(run, 'templates', load);
		await lists.once({}, 'tags', load);
		expect(loads).toBe(3);
	});

	test('a failed load is forgotten (the next item tries again); forget() makes the next use load again', async () => {
		const lists = new PerRun<number>();
		const run = {};
		await expect(lists.once(run, '', async () => await Promise.reject(new Error('refused')))).rejects.toThrow('refused');
		expect(lists.has(run)).toBe(false);
		expect(await lists.once(run, '', async () => 1)).toBe(1);
		expect(await lists.once(run, '', async () => 2)).toBe(1);
		lists.forget(run);
		expect(await lists.once(run, '', async () => 3)).toBe(3);
	});
});
