import type { TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** botbuilder-dialogs' turn-state key for it (memory/dialogStateManager.js); a test pins it. */
export const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * Builds the dialogs' memory-scope configuration once per process instead of once per turn.
 *
 * Every DialogContext makes a DialogStateManager, and the first one of each turn collects the memory
 * scopes and path resolvers from every registered component, work repeated on every turn. Those are
 * stateless: each scope reads the dialog context it is given. The SDK's own DialogManager passes one
 * configuration to every turn in the same way. Here the first turn's configuration is kept and handed
 * to the later turns through the turn state, where the SDK looks for it.
 */
export class SharedDialogMemoryConfiguration {
  private shared: DialogStateManagerConfiguration | undefined;

  /** Before the turn's first DialogContext is made. */
  provide(context: TurnContext): void {
    if (this.shared && !context.turnState.has(CONFIGURATION_KEY)) context.turnState.set(CONFIGURATION_KEY, this.shared);
  }

  /** After it: keeps the configuration the SDK built, the first time. */
  keep(context: TurnContext): void {
    this.shared ??= context.turnState.get(CONFIGURATION_KEY) as DialogStateManagerConfiguration | undefined;
  }
}
