/**
 * Draws the four tab-bar icons (首页 / 我的, grey and selected) as small PNGs from SVG shapes with
 * sharp, so the repository needs no image editor and no network. Run after changing a shape:
 *   npx tsc -p scripts/tsconfig.json && node scripts/dist/make-tab-icons.js
 * WeChat wants tab icons of at most 40 KB; 81×81 px is the recommended size.
 */
import path from 'node:path';
import sharp from 'sharp';

const SIZE = 81;
const COLOURS = { '': '#888888', '-active': '#c8281e' };

const SHAPES: Record<string, (fill: string) => string> = {
  // a house: roof, walls, and a door cut out of them
  home: (fill) =>
    `<path fill="${fill}" fill-rule="evenodd" d="M40.5 8 L5 40 H15 V74 H66 V40 H76 Z M33 50 V74 H48 V50 Z"/>`,
  // a person: head, and shoulders kept apart from it by a gap
  mine: (fill) =>
    `<circle cx="40.5" cy="24" r="15" fill="${fill}"/>` +
    `<mask id="gap"><rect width="81" height="81" fill="white"/><circle cx="40.5" cy="24" r="19" fill="black"/><rect y="74" width="81" height="7" fill="black"/></mask>` +
    `<ellipse cx="40.5" cy="76" rx="31" ry="30" fill="${fill}" mask="url(#gap)"/>`,
};

async function main(): Promise<void> {
  const outDir = path.resolve(__dirname, '..', '..', 'miniapp', 'src', 'assets');
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, fill] of Object.entries(COLOURS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">${shape(fill)}</svg>`;
      const file = path.join(outDir, `tab-${name}${suffix}.png`);
      await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(file);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
