import type { GesturePackMotion } from './pack-motions';
import type { CustomMotion, CustomMotionSource } from './custom-matcher';
import { MotionTemplate } from './template';

/**
 * A registry's custom motion gestures by name, with the list the motion stage reads at every frame
 * (made again only after a change), and their gesture-pack form.
 *
 * @example
 * const motions = new CustomMotionCatalogue();
 * motions.set('circle', { name: 'circle', meaning: null, template });
 * motions.customMotions(); // [{ name: 'circle', … }]
 */
export class CustomMotionCatalogue implements CustomMotionSource {
  private readonly byName = new Map<string, CustomMotion>();
  private list: readonly CustomMotion[] | null = null;

  get size(): number {
    return this.byName.size;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /** Sets a motion, or with `null` removes it; returns whether anything changed. */
  set(name: string, motion: CustomMotion | null): boolean {
    if (motion) this.byName.set(name, motion);
    else if (!this.byName.delete(name)) return false;
    this.list = null;
    return true;
  }

  customMotions(): readonly CustomMotion[] {
    return (this.list ??= [...this.byName.values()]);
  }

  /** The motions as a pack's `motions` (fresh arrays). */
  toPack(): GesturePackMotion[] {
    return this.customMotions().map((m) => ({
      name: m.name,
      meaning: m.meaning,
      threshold: m.template.threshold,
      samples: m.template.samples.map((s) => ({ duration: s.duration, points: s.points.map((p) => [...p]) })),
    }));
  }

  /** Adds (or replaces) the motions of a validated pack. */
  addFromPack(motions: readonly GesturePackMotion[]): void {
    for (const m of motions) this.set(m.name, { name: m.name, meaning: m.meaning, template: new MotionTemplate(m.samples, m.threshold) });
  }
}
