/** Lines of the tracking card: label and value, drawn large so a photo of the screen stays legible. */
export interface CardLine {
  label: string;
  value: string;
}

/**
 * The tracking card as a PNG the worker keeps in her phone's gallery: drawn on a canvas (no
 * screenshot library), with the system's CJK font.
 */
export function receiptImage(title: string, lines: CardLine[]): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = 720;
  canvas.height = 140 + lines.length * 110;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#141414';
  context.font = 'bold 40px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  context.fillText(title, 40, 80);
  lines.forEach((line, index) => {
    const top = 150 + index * 110;
    context.fillStyle = '#595959';
    context.font = '28px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
    context.fillText(line.label, 40, top);
    context.fillStyle = '#141414';
    context.font = 'bold 48px "Noto Sans Mono", "Menlo", monospace';
    context.fillText(line.value, 40, top + 56);
  });
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Offers the blob as a download (a phone saves it to its files or gallery). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
