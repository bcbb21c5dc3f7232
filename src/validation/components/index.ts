import { cardinalityComponents } from './cardinality.ts';
import type { Component } from './component.ts';
import { logicalComponents } from './logical.ts';
import { otherComponents } from './other.ts';
import { pairComponents } from './pairs.ts';
import { shapeBasedComponents } from './shape-based.ts';
import { stringComponents } from './string.ts';
import { valueRangeComponents } from './value-range.ts';
import { valueTypeComponents } from './value-type.ts';

/** Every SHACL Core constraint component imagegraph evaluates, keyed by its triggering parameter. */
export const components: readonly Component[] = [
  ...valueTypeComponents,
  ...cardinalityComponents,
  ...valueRangeComponents,
  ...stringComponents,
  ...pairComponents,
  ...logicalComponents,
  ...shapeBasedComponents,
  ...otherComponents,
];
