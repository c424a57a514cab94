/**
 * One question per screen. Which question is the law core's choice (interview.ts); this page only
 * asks it in the reader's language and records the answer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../../core/interview/questions.ts';
import { EVENT_DETAILS, type ReportableEvent } from '../../core/interview/timeline-questions.ts';
import { type AppContext, navigate } from '../app.tsx';
import type { Translator } from '../i18n.ts';
import { answer, type Entry, type EventAnswer, type InterviewState, NONE, UNKNOWN } from '../interview.ts';

const MIN_DATE = '1900-01-01';

export function dateProblem(t: Translator, value: string, asOf: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < MIN_DATE) return t.t('q.date_invalid');
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return t.t('q.date_invalid');
  if (value > asOf) return t.t('q.date_future', { today: asOf });
  return null;
}

export function QuestionPage({ ctx, state }: { ctx: AppContext; state: InterviewState }) {
  const { t, entries, setEntries, asOf } = ctx;
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = state.step;

  useEffect(() => {
    if (step.kind === 'done') navigate('/summary');
  }, [step.kind]);
  useEffect(() => {
    setError(null);
    heading.current?.focus();
  }, [entries.length]);

  if (step.kind === 'done') return null;

  const record = (entry: Entry) => {
    const r = answer(entries, entry, asOf);
    if (!r.ok) {
      setError(t.t('q.date_order'));
      return;
    }
    setError(null);
    setEntries(r.entries);
  };
  const back = () => {
    if (entries.length === 0) navigate('/');
    else setEntries(entries.slice(0, -1));
  };

  const n = state.answered + 1;
  const total = Math.max(n, state.answered + state.remaining);
  const qid = step.kind === 'timeline' ? step.question.id : step.question.id;

  return (
    <section class="question" aria-labelledby="q-title">
      <div class="progress">
        <label for="q-progress">{t.t('q.progress', { n, total })}</label>
        <progress id="q-progress" max={total} value={n - 1} />
      </div>
      <h1 id="q-title" ref={heading} tabIndex={-1} data-question={qid}>
        {t.t(`q.${qid}.title`)}
      </h1>
      {t.has(`q.${qid}.help`) && <p class="help">{t.t(`q.${qid}.help`)}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {step.kind === 'timeline' ? (
        step.question.id === 'timeline.arrival' ? (
          <EventForm
            key="arrival"
            t={t}
            type="arrival"
            asOf={asOf}
            onDone={(value) => record({ q: 'timeline.arrival', at: step.at, value })}
          />
        ) : (
          <NextEvent
            key={`${step.at}-${entries.length}`}
            t={t}
            options={step.question.options}
            asOf={asOf}
            onNone={() => record({ q: 'timeline.next', at: step.at, value: NONE })}
            onDone={(value) => record({ q: 'timeline.next', at: step.at, value })}
          />
        )
      ) : (
        <ScreeningAnswer
          key={step.question.id}
          t={t}
          question={step.question}
          asOf={asOf}
          onAnswer={(value) => record({ q: step.question.id, value })}
        />
      )}
      <p class="nav-row">
        <button type="button" class="button link" onClick={back}>
          ← {t.t('q.back')}
        </button>
      </p>
      <p class="privacy small">{t.t('q.saved_note')}</p>
    </section>
  );
}

function NextEvent(props: {
  t: Translator;
  options: readonly ReportableEvent[];
  asOf: string;
  onNone: () => void;
  onDone: (value: EventAnswer) => void;
}) {
  const { t } = props;
  const [chosen, setChosen] = useState<ReportableEvent | null>(null);
  if (chosen) {
    return (
      <div>
        <p class="chosen">
          <strong>{t.t(`event.${chosen}`)}</strong>{' '}
          <button type="button" class="button link" onClick={() => setChosen(null)}>
            {t.t('summary.change')}
          </button>
        </p>
        <EventForm t={t} type={chosen} asOf={props.asOf} onDone={props.onDone} />
      </div>
    );
  }
  return (
    <div class="choices">
      {props.options.map((o) => (
        <button type="button" class="choice" key={o} data-value={o} onClick={() => setChosen(o)}>
          {t.t(`event.${o}`)}
        </button>
      ))}
      <button type="button" class="choice none" data-value="none" onClick={props.onNone}>
        {t.t('q.none')}
      </button>
    </div>
  );
}

/** The date of an event and the details its deadlines depend on, on one screen. */
function EventForm(props: {
  t: Translator;
  type: ReportableEvent;
  asOf: string;
  onDone: (value: EventAnswer) => void;
}) {
  const { t, type, asOf } = props;
  const details = Object.entries(EVENT_DETAILS[type]);
  const [date, setDate] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const p = dateProblem(t, date, asOf);
    if (p) return setProblem(p);
    for (const [name, kind] of details) {
      // A hearing can be in the future; every other date is something that already happened.
      if (kind === 'date' && values[name] && dateProblem(t, values[name]!, '9999-12-31'))
        return setProblem(t.t('q.date_invalid'));
    }
    setProblem(null);
    props.onDone({ type, date, details: values });
  };
  return (
    <form onSubmit={submit} noValidate>
      <div class="field">
        <label for="event-date">
          {type === 'arrival' ? t.t('q.date_label') : t.t('q.timeline.event_date')}
        </label>
        <input
          id="event-date"
          name="date"
          type="date"
          min={MIN_DATE}
          max={asOf}
          value={date}
          required
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'date-problem' : 'date-help'}
          onInput={(e) => setDate((e.target as HTMLInputElement).value)}
        />
        <p class="help small" id="date-help">
          {t.t('q.timeline.event_date_help')}
        </p>
        {problem && (
          <p class="error" id="date-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      {details.map(([name, kind]) => (
        <div class="field" key={name}>
          <label for={`detail-${name}`}>{t.t(`detail.${name}`)}</label>
          {kind === 'date' ? (
            <input
              id={`detail-${name}`}
              type="date"
              value={values[name] ?? ''}
              onInput={(e) => setValues({ ...values, [name]: (e.target as HTMLInputElement).value })}
            />
          ) : (
            <select
              id={`detail-${name}`}
              value={values[name] ?? ''}
              onChange={(e) => setValues({ ...values, [name]: (e.target as HTMLSelectElement).value })}
            >
              <option value="">{t.t('q.unknown')}</option>
              {kind.map((v) => (
                <option value={v} key={v}>
                  {t.t(`detail.${name}.${v}`)}
                </option>
              ))}
            </select>
          )}
        </div>
      ))}
      <button type="submit" class="button primary">
        {t.t('q.next')}
      </button>
    </form>
  );
}

function ScreeningAnswer(props: {
  t: Translator;
  question: Question;
  asOf: string;
  onAnswer: (value: unknown) => void;
}) {
  const { t, question, onAnswer } = props;
  const a = question.answer;
  const unknown = (
    <button type="button" class="choice none" data-value="unknown" onClick={() => onAnswer(UNKNOWN)}>
      {t.t('q.unknown')}
    </button>
  );
  switch (a.kind) {
    case 'yes_no':
      return (
        <div class="choices">
          <button type="button" class="choice" data-value="yes" onClick={() => onAnswer(true)}>
            {t.t('q.yes')}
          </button>
          <button type="button" class="choice" data-value="no" onClick={() => onAnswer(false)}>
            {t.t('q.no')}
          </button>
          {unknown}
        </div>
      );
    case 'one_of':
      return (
        <div class="choices">
          {a.options.map((o) => (
            <button type="button" class="choice" key={o} data-value={o} onClick={() => onAnswer(o)}>
              {t.t(`opt.${question.id}.${o}`)}
            </button>
          ))}
          {unknown}
        </div>
      );
    case 'some_of':
      return <SomeOf t={t} id={question.id} options={a.options} onAnswer={onAnswer} unknown={unknown} />;
    case 'convictions':
      return (
        <SomeOf
          t={t}
          id={question.id}
          options={a.categories}
          noneLabel={t.t('q.criminalHistory.none')}
          onAnswer={(v) => onAnswer((v as string[]).map((category) => ({ category })))}
          unknown={unknown}
        />
      );
    case 'one_year_exceptions':
      return (
        <SomeOf
          t={t}
          id="oneYearExceptions"
          options={['changedCircumstances', 'extraordinaryCircumstances']}
          labelPrefix="q.oneYearExceptions."
          onAnswer={(v) =>
            onAnswer({
              changedCircumstances: (v as string[]).includes('changedCircumstances'),
              extraordinaryCircumstances: (v as string[]).includes('extraordinaryCircumstances'),
            })
          }
          unknown={unknown}
        />
      );
    case 'date':
      return <DateAnswer t={t} asOf={props.asOf} onAnswer={onAnswer} unknown={unknown} />;
  }
}

function SomeOf(props: {
  t: Translator;
  id: string;
  options: readonly string[];
  labelPrefix?: string;
  noneLabel?: string;
  onAnswer: (value: unknown) => void;
  unknown: preact.ComponentChildren;
}) {
  const { t } = props;
  const [picked, setPicked] = useState<string[]>([]);
  const prefix = props.labelPrefix ?? `opt.${props.id}.`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onAnswer(picked);
      }}
    >
      <fieldset class="checks">
        <legend class="visually-hidden">{t.t(`q.${props.id}.title`)}</legend>
        {props.options.map((o) => (
          <label class="check" key={o}>
            <input
              type="checkbox"
              checked={picked.includes(o)}
              onChange={(e) =>
                setPicked(
                  (e.target as HTMLInputElement).checked ? [...picked, o] : picked.filter((p) => p !== o),
                )
              }
            />
            <span>{t.t(`${prefix}${o}`)}</span>
          </label>
        ))}
      </fieldset>
      <div class="choices">
        <button type="submit" class="button primary" disabled={picked.length === 0}>
          {t.t('q.next')}
        </button>
        <button type="button" class="choice none" data-value="none" onClick={() => props.onAnswer([])}>
          {props.noneLabel ?? t.t('q.none')}
        </button>
        {props.unknown}
      </div>
    </form>
  );
}

function DateAnswer(props: {
  t: Translator;
  asOf: string;
  onAnswer: (value: unknown) => void;
  unknown: preact.ComponentChildren;
}) {
  const { t } = props;
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const p = dateProblem(t, date, props.asOf);
        if (p) setProblem(p);
        else props.onAnswer(date);
      }}
    >
      <div class="field">
        <label for="answer-date">{t.t('q.date_label')}</label>
        <input
          id="answer-date"
          type="date"
          min={MIN_DATE}
          max={props.asOf}
          value={date}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'answer-date-problem' : undefined}
          onInput={(e) => setDate((e.target as HTMLInputElement).value)}
        />
        {problem && (
          <p class="error" id="answer-date-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div class="choices">
        <button type="submit" class="button primary">
          {t.t('q.next')}
        </button>
        {props.unknown}
      </div>
    </form>
  );
}
