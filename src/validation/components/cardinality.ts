import { type Component, noFindings, numberParameter } from './component.ts';

const noValue = [{ value: undefined }];

export const cardinalityComponents: Component[] = [
  {
    name: 'MinCountConstraintComponent',
    parameter: 'minCount',
    propertyOnly: true,
    compile: (c) => {
      const min = numberParameter(c, 'minCount');
      return [(_f, values) => (values.length < min ? noValue : noFindings)];
    },
    message: (c) => `Less than ${numberParameter(c, 'minCount')} values`,
  },
  {
    name: 'MaxCountConstraintComponent',
    parameter: 'maxCount',
    propertyOnly: true,
    compile: (c) => {
      const max = numberParameter(c, 'maxCount');
      return [(_f, values) => (values.length > max ? noValue : noFindings)];
    },
    message: (c) => `More than ${numberParameter(c, 'maxCount')} values`,
  },
];
