// Copies the non-TypeScript assets (provider icons, codex JSON) next to the compiled nodes in dist/.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports.build = copyAssets;
exports.default = copyAssets;
