// Form parts: CSRF field, error summary, record fields from a RecordSpec, sources (editorial pages), and the notice of
// State fields that matched no State (public filter forms).
import { unknownStateMessage } from "../../http/state-param.js";
import type { FieldSpec, RecordSpec } from "../../domain/editorial/records.js";

export function CsrfInput(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export interface FormIssue {
  path: string;
  message: string;
}

/** Errors at the top of a form, linked to their fields, announced to screen readers. */
export function ErrorSummary(props: { message?: string | undefined; issues?: FormIssue[] | undefined }) {
  if (!props.message && !props.issues?.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>
        <strong>{props.message ?? "Please correct the form."}</strong>
      </p>
      {props.issues?.length ? (
        <ul>
          {props.issues.map((i) => (
            <li>
              <a href={`#field-${i.path.split(".")[0]}`}>
                {i.path ? `${i.path}: ` : ""}
                {i.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function displayValue(field: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("\n");
  return String(value);
}

function Field(props: { field: FieldSpec; value: unknown; readOnly: boolean; issue?: string | undefined }) {
  const { field, value } = props;
  const id = `field-${field.name}`;
  const described =
    [field.hint ? `${id}-hint` : "", props.issue ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.name,
    "aria-describedby": described,
    "aria-invalid": props.issue ? "true" : undefined,
    required: field.required && field.type !== "bool",
  };
  let control;
  if (field.type === "enum") {
    control = (
      <select {...common}>
        {field.required ? null : <option value="">—</option>}
        {(field.options ?? []).map((o) => (
          <option value={o} selected={value === o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "bool") {
    control = <input type="checkbox" id={id} name={field.name} value="true" checked={value === true} />;
  } else if (field.type === "longtext" || field.type === "list") {
    control = (
      <textarea {...common} rows={field.type === "list" ? 3 : 4}>
        {displayValue(field, value)}
      </textarea>
    );
  } else {
    const inputMode = field.type === "int" ? "numeric" : field.type === "decimal" ? "decimal" : undefined;
    const placeholder =
      field.type === "partial-date"
        ? "YYYY, YYYY-MM or YYYY-MM-DD"
        : field.type === "iso-date"
          ? "YYYY-MM-DD"
          : field.type === "url"
            ? "https://…"
            : undefined;
    control = (
      <input
        type={field.type === "url" ? "url" : "text"}
        {...common}
        value={displayValue(field, value)}
        inputmode={inputMode}
        placeholder={placeholder}
        readonly={props.readOnly}
      />
    );
  }
  return (
    <div class="field">
      <label for={id}>
        {field.label}
        {field.required ? " (required)" : ""}
      </label>
      {field.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {field.hint}
        </span>
      ) : null}
      {props.issue ? (
        <span class="field-error" id={`${id}-error`}>
          {props.issue}
        </span>
      ) : null}
      {control}
    </div>
  );
}

/** Every field of a record kind; the id field is read-only when editing an existing record. */
export function RecordFields(props: {
  spec: RecordSpec;
  values: Record<string, unknown>;
  isNew: boolean;
  issues?: FormIssue[] | undefined;
}) {
  const issueOf = (name: string) => props.issues?.find((i) => i.path.split(".")[0] === name)?.message;
  return (
    <fieldset>
      <legend>The {props.spec.label}</legend>
      {props.spec.fields.map((f) => (
        <Field
          field={f}
          value={props.values[f.name]}
          readOnly={!props.isNew && f.name === props.spec.idField}
          issue={issueOf(f.name)}
        />
      ))}
    </fieldset>
  );
}

export interface SourceFormValues {
  sourceId?: string;
  url?: string;
  title?: string;
  licence?: string;
}

/** The source a change cites: an existing source id, or a new web page with its title and licence. */
export function SourceFields(props: { values: SourceFormValues; issues?: FormIssue[] | undefined }) {
  const issue = props.issues?.find((i) => i.path.startsWith("sources"))?.message;
  return (
    <fieldset id="field-sources">
      <legend>Source for this change (required)</legend>
      {issue ? <p class="field-error">{issue}</p> : null}
      <p class="hint">Cite the page that supports the change, or the id of a source already in Normwatch.</p>
      <div class="field">
        <label for="source-url">Source URL</label>
        <input type="url" id="source-url" name="source_url" value={props.values.url ?? ""} />
      </div>
      <div class="field">
        <label for="source-title">Source title</label>
        <input type="text" id="source-title" name="source_title" value={props.values.title ?? ""} />
      </div>
      <div class="field">
        <label for="source-licence">Source licence</label>
        <input
          type="text"
          id="source-licence"
          name="source_licence"
          value={props.values.licence ?? ""}
          placeholder="e.g. UN terms of use, CC BY 4.0"
        />
      </div>
      <div class="field">
        <label for="source-id">or existing source id</label>
        <input type="text" id="source-id" name="source_id" value={props.values.sourceId ?? ""} />
      </div>
    </fieldset>
  );
}

/** Beside a form: the State fields that matched no State, and how to type one (nothing when all matched). */
export function UnknownStateNotice(props: { inputs: string[] }) {
  if (!props.inputs.length) return null;
  return (
    <p class="error" role="alert">
      {unknownStateMessage(props.inputs)}
    </p>
  );
}
