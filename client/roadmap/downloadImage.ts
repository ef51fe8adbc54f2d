/**
 * Saves an SVG picture as a PNG (twice the size, sharp on slides), drawn
 * through an image and a canvas; where the browser will not draw it, as the
 * SVG itself.
 */
import { downloadText } from '../export/download.js';

export async function downloadImage(picture: { svg: string; width: number; height: number }, baseName: string): Promise<void> {
  try {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.width * 2;
    canvas.height = picture.height * 2;
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    const link = document.createElement('a');
    link.href = canvas.toDataURL('image/png');
    link.download = `${baseName}.png`;
    link.click();
  } catch {
    downloadText(picture.svg, `${baseName}.svg`, 'image/svg+xml');
  }
}
