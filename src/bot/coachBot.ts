import { ConversationState, StatePropertyAccessor, TeamsActivityHandler, TurnContext, UserState } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { ContentStore } from '../content/contentStore';
import { escapeMarkdown } from '../cards/markdown';
import { activeCase, rememberConversation } from '../domain/profile';
import { Logger, hashId } from '../logger';
import type { ProfileStore } from '../../dialogs/profileStore';
import { DialogIds, FLOW_VERSION } from '../../dialogs/ids';
import type { RootDialog } from '../../dialogs/rootDialog';
import { ERASED_THIS_TURN } from './turnFlags';

export interface CoachBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  profiles: ProfileStore;
  rootDialog: RootDialog;
  content: ContentStore;
  logger: Logger;
}

/**
 * Thin: welcomes once per conversation, runs the root dialog, saves state. Everything the user sees
 * comes from content; everything they do is a dialog.
 */
export class CoachBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly flowVersion: StatePropertyAccessor<string>;

  constructor(private readonly deps: CoachBotDeps) {
    super();
    const dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');
    this.flowVersion = deps.conversationState.createProperty<string>('flowVersion');
    this.dialogs = new DialogSet(dialogState).add(deps.rootDialog);

    this.onMembersAdded(async (context, next) => {
      const userJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (userJoined && !(await this.welcomed.get(context, false))) await this.converse(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.converse(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = Date.now();
    await super.run(context);
    if (context.turnState.get(ERASED_THIS_TURN) !== true) {
      await this.deps.conversationState.saveChanges(context, false);
      await this.deps.userState.saveChanges(context, false);
    }
    const { channelId, type, conversation } = context.activity;
    this.deps.logger.debug('turn.done', { channelId, activityType: type, conversation: hashId(conversation?.id), durationMs: Date.now() - started });
  }

  private async converse(context: TurnContext): Promise<void> {
    if (!(await this.welcomed.get(context, false))) {
      await this.welcome(context);
      await this.welcomed.set(context, true);
    }
    const dc = await this.dialogs.createContext(context);
    if (dc.stack.length > 0 && (await this.flowVersion.get(context)) !== FLOW_VERSION) {
      await dc.cancelAllDialogs();
      await context.sendActivity(this.deps.content.text('errors.flowUpdated'));
    }
    await this.flowVersion.set(context, FLOW_VERSION);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty && context.turnState.get(ERASED_THIS_TURN) !== true) {
      await dc.beginDialog(DialogIds.root);
    }
  }

  private async welcome(context: TurnContext): Promise<void> {
    const { content, profiles } = this.deps;
    const loaded = await profiles.load(context);
    const returning = loaded.profile.conversations.length > 0 || loaded.profile.cases.length > 0;
    const active = activeCase(loaded.profile);
    const greeting = !returning
      ? content.text('welcome.first')
      : active
        ? content.text('welcome.back', { caseLabel: escapeMarkdown(active.label) })
        : content.text('welcome.backNoCase');
    await context.sendActivity([greeting, content.text('welcome.disclaimer'), content.text('welcome.commandsHint')].join('\n\n'));
    if (loaded.unreadableCases > 0) await context.sendActivity(content.text('errors.unreadableCases'));
    const conversationId = context.activity.conversation?.id;
    if (conversationId) await profiles.update(context, (p) => rememberConversation(p, conversationId));
  }
}
