import { useEffect, useRef } from 'react';
import { dismissFlashNotice, useFlashNotice } from '@/lib/flash-notice';
import { focusMainHeading } from '@/lib/focus';
import { usePathname } from '@/lib/router';

/** Shows the flash notice (see lib/flash-notice) on its page and moves focus to it. */
export function FlashNoticeBanner() {
  const notice = useFlashNotice();
  const pathname = usePathname();
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = notice !== null && notice.path === pathname;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, notice]);
  return (
    <div role="status" className="notification-region">
      {shown && (
        <p className="notification" ref={ref} tabIndex={-1} data-testid="flash-notice">
          {notice.text}{' '}
          <button
            type="button"
            className="nhsuk-button app-button-link"
            onClick={() => {
              dismissFlashNotice();
              focusMainHeading();
            }}
          >
            {notice.dismissLabel}
          </button>
        </p>
      )}
    </div>
  );
}
