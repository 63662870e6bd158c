/** A started fake provider and what a test needs to talk to it. */
export interface FakeProviderEnv {
	fake: { stop(): Promise<void>; reset(): void };
}

/**
 * One fake provider per test file: started before the first test, stopped after the last, and (by
 * default) reset to its seed state before each test. Returns the environment, filled in once started.
 */
export function providerPerFile<E extends FakeProviderEnv>(start: () => Promise<E>, options: { resetEachTest?: boolean } = {}): E {
	const env = {} as E;
	beforeAll(async () => {
		Object.assign(env, await start());
	});
	afterAll(async () => env.fake.stop());
	if (options.resetEachTest !== false) beforeEach(() => env.fake.reset());
	return env;
}
