// JSX typing for <kineret-widget> in React 19 (`kineret-widget/react`):
//
//   import type {} from 'kineret-widget/react';
//
// once in the app (a type-only import: nothing is bundled).
// React 19 passes the attributes through; listen for the widget's events with
// `addEventListener` in an effect (README "React 19").
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KineretWidgetAttributes, KineretWidgetElement } from './kineret-widget.js';

export type KineretWidgetProps = Omit<DetailedHTMLProps<HTMLAttributes<KineretWidgetElement>, KineretWidgetElement>, 'lang'> &
  KineretWidgetAttributes;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kineret-widget': KineretWidgetProps;
    }
  }
}
