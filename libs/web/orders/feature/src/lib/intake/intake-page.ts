import { distinctUntilChanged } from 'rxjs';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { NOTIFIER, ReferenceStore, callError } from '@hotline/web-core-data-access';
import { IntakeBody, IntakeFollowUp, IntakeStore } from '@hotline/web-orders-data-access';
import { TextFieldModule } from '@angular/cdk/text-field';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCascaderModule } from 'ng-zorro-antd/cascader';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { CascaderTypeToOpen, FormField, OptionSelect, PageBar } from '@hotline/web-ui';
import { AnswerMethodField, KnowledgeSuggestions, answerMethodBody, answerMethodGroup } from '@hotline/web-knowledge-feature/widgets';
import { CallerHistory } from './caller-history';
import { CallPopPanel } from '@hotline/web-telephony';
import { RoutingPanel } from './routing-panel';

type Mode = IntakeFollowUp['kind'];

const PHONE = /^[\d\s-]{3,20}$/;
const nonEmptyArray = (c: AbstractControl): ValidationErrors | null => (Array.isArray(c.value) && c.value.length ? null : { required: true });

/**
 * 受理: the agent's screen for the whole call. The phone number comes first (and brings up the
 * caller's history), the order is registered and answered or dispatched in one submit (Ctrl+Enter),
 * and the form clears for the next call.
 */
@Component({
  selector: 'hl-intake-page',
  imports: [
    PageBar,
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    TextFieldModule,
    NzAlertModule,
    NzButtonModule,
    NzCascaderModule,
    NzCheckboxModule,
    NzFormModule,
    NzGridModule,
    NzInputModule,
    NzRadioModule,
    FormField,
    OptionSelect,
    CallerHistory,
    CallPopPanel,
    RoutingPanel,
    CascaderTypeToOpen,
    KnowledgeSuggestions,
    AnswerMethodField,
  ],
  providers: [IntakeStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './intake-page.html',
  styleUrl: './intake-page.css',
})
export class IntakePage {
  protected readonly intake = inject(IntakeStore);
  protected readonly reference = inject(ReferenceStore);
  private readonly notifier = inject(NOTIFIER);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly phoneInput = viewChild<ElementRef<HTMLInputElement>>('phoneInput');
  private readonly callPop = viewChild(CallPopPanel);

  protected readonly form = inject(NonNullableFormBuilder).group({
    phone: ['', Validators.pattern(PHONE)],
    callerName: ['', Validators.maxLength(50)],
    confidential: [false],
    smsConsent: [false],
    channel: ['phone', Validators.required],
    appealType: ['', Validators.required],
    category: [[] as number[], nonEmptyArray],
    regionId: [null as number | null],
    address: ['', Validators.maxLength(200)],
    urgent: [false],
    topics: [[] as string[]],
    content: ['', [Validators.required, Validators.maxLength(5000)]],
    mode: ['dispatch' as Mode],
    answer: ['', Validators.maxLength(5000)],
    answerMethod: answerMethodGroup(),
    unitId: [null as number | null],
    coUnitIds: [[] as number[]],
    comment: [''],
  });

  protected readonly phone = toSignal(this.form.controls.phone.valueChanges, {
    initialValue: '',
  });
  /** the SMS consent is asked only of a confidential caller: everyone else gets the notices anyway */
  protected readonly confidential = toSignal(this.form.controls.confidential.valueChanges, { initialValue: false });
  protected readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: 'dispatch' as Mode,
  });
  protected readonly submitting = computed(() => this.intake.callState() === 'loading');
  protected readonly submitError = computed(() => callError(this.intake.callState()));
  protected readonly doneLabel: Record<Mode, string> = {
    direct: '直接办结',
    dispatch: '派单',
    register: '登记（待派单）',
  };

  constructor() {
    void this.reference.load();
    const destroyRef = inject(DestroyRef);
    const c = this.form.controls;

    // distinctUntilChanged: submit() re-validates with events on, which must not re-run these
    c.mode.valueChanges.pipe(distinctUntilChanged(), takeUntilDestroyed(destroyRef)).subscribe((mode) => this.applyMode(mode));
    this.applyMode(c.mode.value);

    // a consent given and then the confidentiality withdrawn is not kept for the next time it is ticked
    c.confidential.valueChanges.pipe(distinctUntilChanged(), takeUntilDestroyed(destroyRef)).subscribe((confidential) => {
      if (!confidential) c.smsConsent.setValue(false);
    });

    // consultations are answered on the line ("zero dispatch") unless the agent chose otherwise
    c.appealType.valueChanges.pipe(distinctUntilChanged(), takeUntilDestroyed(destroyRef)).subscribe((type) => {
      if (!c.mode.dirty) c.mode.setValue(type === 'consult' ? 'direct' : 'dispatch');
    });

    // the dispatch catalogue's unit for the category is pre-selected
    c.category.valueChanges.pipe(distinctUntilChanged(), takeUntilDestroyed(destroyRef)).subscribe((path) => {
      const unitId = this.reference.defaultUnitFor(path?.[path.length - 1]);
      if (unitId !== null) c.unitId.setValue(unitId);
    });

    afterNextRender(() => this.focusPhone());
  }

  private applyMode(mode: Mode): void {
    const c = this.form.controls;
    c.answer.setValidators(mode === 'direct' ? [Validators.required, Validators.maxLength(5000)] : [Validators.maxLength(5000)]);
    c.unitId.setValidators(mode === 'dispatch' ? [Validators.required] : []);
    c.answerMethod[mode === 'direct' ? 'enable' : 'disable']({ emitEvent: false });
    c.answer.updateValueAndValidity({ emitEvent: false });
    c.unitId.updateValueAndValidity({ emitEvent: false });
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const controls = Object.values(this.form.controls);
    for (const control of controls) {
      control.markAsDirty();
      // with events: nz-form-control shows its error tip on the status change
      control.updateValueAndValidity();
    }
    if (this.form.invalid) {
      this.notifier.warning('请完整填写必填项');
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.ant-form-item-has-error input, .ant-form-item-has-error textarea')?.focus());
      return;
    }
    const v = this.form.getRawValue();
    const body: IntakeBody = {
      channel: v.channel,
      appealType: v.appealType,
      categoryId: v.category[v.category.length - 1],
      regionId: v.regionId,
      caller: {
        name: v.callerName,
        phone: v.phone,
        confidential: v.confidential,
        ...(v.confidential ? { smsConsent: v.smsConsent } : {}),
      },
      address: v.address,
      content: v.content,
      topics: v.topics,
      urgent: v.urgent,
      callId: this.callPop()?.callId() ?? undefined,
    };
    const followUp: IntakeFollowUp =
      v.mode === 'direct'
        ? { kind: 'direct', answer: v.answer, how: answerMethodBody(v.answerMethod) }
        : v.mode === 'dispatch'
          ? {
              kind: 'dispatch',
              unitId: v.unitId as number,
              coUnitIds: v.coUnitIds.filter((id) => id !== v.unitId),
              comment: v.comment,
            }
          : { kind: 'register' };
    if (await this.intake.submit(body, followUp)) this.nextCall();
  }

  /** Clears the form for the next call (the channel stays: an agent works one line). */
  protected nextCall(): void {
    const channel = this.form.controls.channel.value;
    this.form.reset();
    this.form.controls.channel.setValue(channel);
    this.applyMode('dispatch');
    this.focusPhone();
  }

  protected abandonPending(): void {
    this.intake.abandonPending();
    this.nextCall();
  }

  private focusPhone(): void {
    this.phoneInput()?.nativeElement.focus();
  }
}
