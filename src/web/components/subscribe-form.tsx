// The one sign-up form (issue 14: the subscribe and follow forms were copies; issue 17: a compact one on the home
// page): an email address, what to receive, a honeypot against bots, and the choices each page adds.
import type { Child } from "hono/jsx";
import { ALERT_FREQUENCY_LABELS } from "../../domain/alerts.js";
import { NEWSLETTER_LANGUAGES, NEWSLETTER_TOPIC_LABELS, NEWSLETTER_TOPICS } from "../../domain/subscriptions.js";
import { ALERT_FREQUENCIES, type AlertFrequency } from "../../domain/vocabulary.js";
import { CsrfInput } from "./forms.js";

/** The honeypot field: people never see or fill it, so a sign-up that fills it is answered as usual and dropped. */
export const HONEYPOT_FIELD = "website";

export interface SubscribeFormProps {
  action: string;
  /** "get" only for the home page's compact form, which leads to the full form (the home page is cached, tokenless). */
  method?: "post" | "get";
  /** The CSRF token (every POST form). */
  csrf?: string;
  hidden?: Record<string, string>;
  email?: string;
  emailLabel?: string;
  emailHint?: string;
  /** Prefix of the element ids, when the page has another form with an email field. */
  idPrefix?: string;
  submit: string;
  class?: string;
  /** What to receive: topics, language, frequency (between the address and the button). */
  children?: Child;
}

export function SubscribeForm(props: SubscribeFormProps) {
  const prefix = props.idPrefix ?? "";
  const isPost = (props.method ?? "post") === "post";
  return (
    <form method={props.method ?? "post"} action={props.action} class={props.class ?? "stack"}>
      {props.csrf ? <CsrfInput token={props.csrf} /> : null}
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="field" id={`${prefix}field-email`}>
        <label for={`${prefix}email`}>{props.emailLabel ?? "Email address (required)"}</label>
        {props.emailHint ? (
          <span class="hint" id={`${prefix}email-hint`}>
            {props.emailHint}
          </span>
        ) : null}
        <input
          id={`${prefix}email`}
          type="email"
          name="email"
          autocomplete="email"
          required
          maxlength={254}
          value={props.email ?? ""}
          aria-describedby={props.emailHint ? `${prefix}email-hint` : undefined}
        />
      </div>
      {props.children}
      {isPost ? (
        <div class="hp-field" aria-hidden="true">
          <label for={`${prefix}${HONEYPOT_FIELD}`}>Leave this empty</label>
          <input id={`${prefix}${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
        </div>
      ) : null}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export function TopicChoices(props: { chosen: string[] }) {
  return (
    <fieldset id="field-topics">
      <legend>Lists and topics</legend>
      <p class="hint">
        The whole monthly digest, or only some of its themes: then you get just those sections, and nothing in a month
        when they are empty.
      </p>
      {NEWSLETTER_TOPICS.map((t) => (
        <div>
          <input type="checkbox" id={`topic-${t}`} name="topics" value={t} checked={props.chosen.includes(t)} />{" "}
          <label for={`topic-${t}`}>{NEWSLETTER_TOPIC_LABELS[t]}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One list at a time, for the compact form: the monthly digest or one of its themes (the full form allows several). */
export function TopicChoice(props: { idPrefix: string }) {
  return (
    <div class="field">
      <label for={`${props.idPrefix}topics`}>What to receive</label>
      <select id={`${props.idPrefix}topics`} name="topics">
        {NEWSLETTER_TOPICS.map((t) => (
          <option value={t} selected={t === "digest"}>
            {t === "digest" ? NEWSLETTER_TOPIC_LABELS[t] : `Only the theme: ${NEWSLETTER_TOPIC_LABELS[t]}`}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LanguageChoice(props: { value: string }) {
  return (
    <div class="field" id="field-language">
      <label for="language">Preferred language</label>
      <select id="language" name="language">
        {Object.entries(NEWSLETTER_LANGUAGES).map(([code, name]) => (
          <option value={code} selected={props.value === code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FrequencyChoice(props: { value?: AlertFrequency; idPrefix?: string }) {
  const id = `${props.idPrefix ?? ""}frequency`;
  return (
    <div class="field">
      <label for={id}>How often</label>
      <select id={id} name="frequency">
        {ALERT_FREQUENCIES.map((f) => (
          <option value={f} selected={f === (props.value ?? "daily")}>
            {ALERT_FREQUENCY_LABELS[f]}
          </option>
        ))}
      </select>
    </div>
  );
}
