import { Directive, inject } from '@angular/core';
import { NzCascaderComponent } from 'ng-zorro-antd/cascader';

/**
 * ng-zorro's cascader filters as you type but only opens its menu on ↓/Enter or a click, so a
 * keyboard user typing "停水" sees nothing. This opens the menu on the first keystroke; then ↓ and
 * Enter pick a match.
 */
@Directive({
  selector: 'nz-cascader[hlTypeToOpen]',
  host: { '(input)': 'open()' },
})
export class CascaderTypeToOpen {
  private readonly cascader = inject(NzCascaderComponent);

  protected open(): void {
    if (!this.cascader.menuOpen() && !this.cascader.nzDisabled) this.cascader.setMenuOpen(true);
  }
}
