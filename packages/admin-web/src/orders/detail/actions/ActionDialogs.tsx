import { CancelDialog } from './CancelDialog';
import { InterceptDialog } from './InterceptDialog';
import { NoteDialog } from './NoteDialog';
import { ReassignDialog } from './ReassignDialog';
import { RedriveDialog } from './RedriveDialog';
import { ReleaseDialog } from './ReleaseDialog';
import type { ActionTarget, DialogAction } from './target';

/** The confirm dialog of one action on one order or sub-order; mounted while open, so each opening starts afresh. */
export function ActionDialogFor({
  action,
  target,
  onClose,
}: {
  action: DialogAction;
  target: ActionTarget;
  onClose: () => void;
}) {
  switch (action) {
    case 'INTERCEPT':
      return <InterceptDialog target={target} onClose={onClose} />;
    case 'RELEASE':
      return <ReleaseDialog target={target} onClose={onClose} />;
    case 'CANCEL':
      return <CancelDialog target={target} onClose={onClose} />;
    case 'REASSIGN_WAREHOUSE':
      return <ReassignDialog target={target} onClose={onClose} />;
    case 'ADD_NOTE':
      return <NoteDialog target={target} onClose={onClose} />;
    case 'REDRIVE_DISPATCH':
      return <RedriveDialog target={target} onClose={onClose} />;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}
