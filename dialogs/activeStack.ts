import type { DialogContext } from 'botbuilder-dialogs';

/**
 * The dialog contexts from `dc` down to the innermost active dialog's, outermost first.
 *
 * Every read of `DialogContext.child` builds a new context (with its own memory manager), so the stack
 * is walked once, reading `child` once per level, and only when a caller needs what is below `dc`.
 */
export function activeChain(dc: DialogContext): DialogContext[] {
  const chain: DialogContext[] = [];
  let current: DialogContext | undefined = dc;
  while (current?.activeDialog) {
    chain.push(current);
    current = current.child;
  }
  return chain;
}

/** The ids of a chain's dialogs (activeChain), outermost first. */
export function idsOf(chain: readonly DialogContext[]): string[] {
  return chain.map((c) => c.activeDialog?.id ?? '');
}

/** Ids of every dialog active now, from the outer stack to the innermost prompt. */
export function activeDialogIds(dc: DialogContext): string[] {
  return idsOf(activeChain(dc));
}

/** The context of the innermost active dialog (the waiting prompt, usually); `dc` itself when nothing is active. */
export function innermost(dc: DialogContext): DialogContext {
  return activeChain(dc).at(-1) ?? dc;
}
