import fs from 'node:fs';
import path from 'node:path';

/**
 * The providers' published fixtures live in the team's shared folder (../shared next to the
 * checkout); each provider's test folder keeps a copy, so the tests run in a clone without it.
 * Where the shared folder is there, the copies must match it byte for byte; where it is not, the
 * check says so in the test report (a skipped test naming the missing folder) instead of passing.
 */
const SHARED = path.resolve(__dirname, '../../../shared/providers/fixtures');

/**
 * Provider fixture folder in shared/ → the folders of its copy under test/ (a provider may keep the
 * bodies that are not webhook deliveries apart). A new provider adds one line.
 */
const copies: Record<string, string[]> = {
	maytapi: [path.resolve(__dirname, '../maytapi/fixtures')],
	sobot: [path.resolve(__dirname, '../sobot/fixtures')],
	wabbit: [path.resolve(__dirname, '../inbox360/fixtures'), path.resolve(__dirname, '../inbox360/fixtures/not-deliveries')],
	whatsloop: [path.resolve(__dirname, '../whatsloop/fixtures')],
};

const jsonFiles = (dir: string) =>
	fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort();

/** file name → its path, over every folder of a local copy. */
const localFiles = (dirs: string[]) => new Map(dirs.flatMap((dir) => jsonFiles(dir).map((f) => [f, path.join(dir, f)] as const)));

describe.each(Object.entries(copies))('%s fixtures', (provider, localDirs) => {
	const local = localFiles(localDirs);
	const shared = path.join(SHARED, provider);
	const present = fs.existsSync(shared);

	test('the local copy has fixtures', () => {
		expect(local.size).toBeGreaterThan(0);
	});

	(present ? test : test.skip)(
		present
			? `match ${path.relative(process.cwd(), shared)} byte for byte`
			: `NOT CHECKED against the shared fixtures: ${shared} does not exist in this checkout`,
		() => {
			expect([...local.keys()].sort()).toEqual(jsonFiles(shared));
			for (const file of jsonFiles(shared)) {
				expect(`${file}: ${fs.readFileSync(local.get(file)!, 'utf8')}`).toBe(`${file}: ${fs.readFileSync(path.join(shared, file), 'utf8')}`);
			}
		},
	);
});
