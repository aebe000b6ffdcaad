import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';

/**
 * The heading row of a screen: its title, then the screen's own tools (filters, refresh, create …) in the
 * order given, wrapping on a narrow window. `toolsEnd` puts the tools at the right end of the row.
 */
@Component({
  selector: 'hl-page-bar',
  host: { '[class.tools-end]': 'toolsEnd()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ heading() }}</h2>
    <ng-content />
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 8px;
    }
    h2 {
      font-size: 16px;
      margin: 0;
    }
    :host(.tools-end) h2 {
      flex: 1;
    }
  `,
})
export class PageBar {
  readonly heading = input.required<string>();
  readonly toolsEnd = input(false, { transform: booleanAttribute });
}
