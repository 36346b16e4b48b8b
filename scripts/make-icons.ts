// `npx tsx scripts/make-icons.ts`: renders resources/icons/icon.svg with headless Chromium into the
// PNG, .ico and .icns files electron-builder packs. The outputs are committed; rerun after editing the SVG.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { icnsFile, icoFile, type SizedPng } from './icon-containers';

const ICONS = join(import.meta.dirname, '../resources/icons');
/** Linux desktops pick from these (electron-builder reads the folder of NxN.png files); macOS wants up to 1024. */
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

async function renderAll(svg: string): Promise<SizedPng[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const images: SizedPng[] = [];
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
      images.push({ size, png: await page.screenshot({ omitBackground: true }) });
    }
    return images;
  } finally {
    await browser.close();
  }
}

const images = await renderAll(await readFile(join(ICONS, 'icon.svg'), 'utf8'));
await mkdir(join(ICONS, 'png'), { recursive: true });
for (const image of images) await writeFile(join(ICONS, 'png', `${image.size}x${image.size}.png`), image.png);
await writeFile(join(ICONS, 'icon.png'), images.find((image) => image.size === 1024)!.png);
await writeFile(join(ICONS, 'icon.ico'), icoFile(images.filter((image) => ICO_SIZES.includes(image.size))));
await writeFile(join(ICONS, 'icon.icns'), icnsFile(images));
console.log(`resources/icons: ${SIZES.join(', ')} px PNGs, icon.png, icon.ico, icon.icns`);
