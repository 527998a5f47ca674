/**
 * The two buttons that end a warning before something is deleted: the red one that does it, then
 * Cancel. `disabled` holds both while it is being done.
 */
export function ConfirmButtons({
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  disabled,
}: {
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  disabled?: boolean;
}) {
  return (
    <div className="nhsuk-button-group">
      <button
        type="button"
        className="nhsuk-button nhsuk-button--warning"
        disabled={disabled}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={disabled}
        onClick={onCancel}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
