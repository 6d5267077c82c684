/** An SSD anchor centre in normalised input coordinates. */
export interface Anchor {
  x: number;
  y: number;
}

/**
 * MediaPipe's SSD anchors (`SsdAnchorsCalculator` with fixed anchor size, aspect ratio 1 and an
 * interpolated scale): two anchors per cell and layer; consecutive layers with the same stride
 * share a grid, so their anchors are interleaved per cell.
 */
export function ssdAnchors(inputSize: number, strides: readonly number[]): Anchor[] {
  const anchors: Anchor[] = [];
  let layer = 0;
  while (layer < strides.length) {
    const stride = strides[layer]!;
    let perCell = 0;
    while (layer < strides.length && strides[layer] === stride) {
      perCell += 2;
      layer += 1;
    }
    const size = Math.ceil(inputSize / stride);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        for (let k = 0; k < perCell; k++) anchors.push({ x: (x + 0.5) / size, y: (y + 0.5) / size });
      }
    }
  }
  return anchors;
}
