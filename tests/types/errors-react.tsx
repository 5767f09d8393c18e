// Wrong JSX uses of <kineret-widget>: each must NOT compile.
import type {} from 'kineret-widget/react';

export const a = (
  // @ts-expect-error view values
  <kineret-widget view="dose" />
);
export const b = (
  // @ts-expect-error lang values
  <kineret-widget lang="fr" />
);
export const c = (
  // @ts-expect-error events-include-note is present, 'true', 'false' or its own name (EventNote::parse)
  <kineret-widget events-include-note="yes" />
);
