import { ConversationState, StatePropertyAccessor, TeamsActivityHandler, TurnContext, UserState } from 'botbuilder';
import { DialogContext, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { ContentStore } from '../content/contentStore';
import { escapeMarkdown } from '../cards/markdown';
import { activeCase, rememberConversation } from '../domain/profile';
import { Logger, hashId } from '../logger';
import type { ProfileStore } from '../state/profileStore';
import { DialogIds, FLOW_VERSION } from '../../dialogs/ids';
import type { RootDialog } from '../../dialogs/rootDialog';
import { SharedDialogMemoryConfiguration } from './dialogMemoryConfig';
import { flushReplies } from './replyCoalescing';
import { ERASED_THIS_TURN } from './turnFlags';
import { StateNotSavedError, isETagConflict } from './turnErrors';
import { isSharedConversation, mentionsBot, personalChatLink, withoutMention } from './sharedConversation';
import { FaqIndex, looksLikeQuestion } from '../domain/faq';
import { recognizeCommand } from '../../dialogs/commands';
import { faqReply } from '../../dialogs/ask/faqReply';
import { RESUMED_EVENT } from '../channelEvents';

export interface CoachBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  profiles: ProfileStore;
  rootDialog: RootDialog;
  content: ContentStore;
  faq: FaqIndex;
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
  private readonly memoryConfiguration = new SharedDialogMemoryConfiguration();

  constructor(private readonly deps: CoachBotDeps) {
    super();
    const dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');
    this.flowVersion = deps.conversationState.createProperty<string>('flowVersion');
    this.dialogs = new DialogSet(dialogState).add(deps.rootDialog);

    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      if (isSharedConversation(context.activity)) {
        // Added to a team or group chat: say hello once, and where personal help happens.
        if (membersAdded.some((m) => m.id === recipient?.id)) await context.sendActivity(this.deps.content.text('welcome.shared.hello', { link: personalChatLink(recipient?.id ?? '') }));
      } else if (membersAdded.some((m) => m.id !== recipient?.id) && !(await this.welcomed.get(context, false))) {
        await this.converse(context);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (isSharedConversation(context.activity)) await this.sharedMessage(context);
      else await this.converse(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === RESUMED_EVENT && !isSharedConversation(context.activity)) await this.resume(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = Date.now();
    await super.run(context);
    // Replies still held (see replyCoalescing.ts) go out before the state is saved: if they cannot be
    // delivered, nothing is saved and the user's answer is asked for again.
    await flushReplies(context);
    if (context.turnState.get(ERASED_THIS_TURN) !== true) await this.save(context);
    const { channelId, type, conversation } = context.activity;
    this.deps.logger.debug('turn.done', { channelId, activityType: type, conversation: hashId(conversation?.id), durationMs: Date.now() - started });
  }

  /**
   * The user's answers first, then where they are in the dialog: if the second write fails, the
   * answer is kept and the same question comes again, never the next question without the answer.
   */
  private async save(context: TurnContext): Promise<void> {
    try {
      await this.deps.userState.saveChanges(context, false);
      await this.deps.conversationState.saveChanges(context, false);
    } catch (err) {
      throw isETagConflict(err) ? err : new StateNotSavedError(err);
    }
  }

  private async converse(context: TurnContext): Promise<void> {
    if (!(await this.welcomed.get(context, false))) {
      await this.welcome(context);
      await this.welcomed.set(context, true);
    }
    const dc = await this.dialogContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty && context.turnState.get(ERASED_THIS_TURN) !== true) {
      await dc.beginDialog(DialogIds.root);
    }
  }

  /**
   * The page was reloaded and shows the conversation so far: ask the open question again (the menu
   * when nothing is open). A conversation never greeted gets the welcome, as on a first visit.
   */
  private async resume(context: TurnContext): Promise<void> {
    if (!(await this.welcomed.get(context, false))) {
      await this.converse(context);
      return;
    }
    const dc = await this.dialogContext(context);
    if (dc.stack.length === 0) {
      await dc.beginDialog(DialogIds.root);
      return;
    }
    await context.sendActivity(this.deps.content.text('welcome.resumed'));
    await dc.repromptDialog();
  }

  /** The turn's dialog context; a dialog stack from an older flow version is ended, with a word to the user. */
  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    this.memoryConfiguration.provide(context);
    const dc = await this.dialogs.createContext(context);
    this.memoryConfiguration.keep(context);
    if (dc.stack.length > 0 && (await this.flowVersion.get(context)) !== FLOW_VERSION) {
      await dc.cancelAllDialogs();
      await context.sendActivity(this.deps.content.text('errors.flowUpdated'));
    }
    await this.flowVersion.set(context, FLOW_VERSION);
    return dc;
  }

  /**
   * Group chats and channels: answer only when mentioned, never run a step or show a case (others can
   * read along) — general questions get their vetted answer, everything else a link to a personal chat.
   */
  private async sharedMessage(context: TurnContext): Promise<void> {
    if (!mentionsBot(context.activity)) return;
    const { content, faq } = this.deps;
    const text = withoutMention(context.activity);
    const link = personalChatLink(context.activity.recipient?.id ?? '');
    const command = recognizeCommand({ ...context.activity, text }, content);
    if (command === 'help' || text === '') {
      await context.sendActivity(content.text('welcome.shared.help', { link }));
      return;
    }
    const result = looksLikeQuestion(text) ? faq.answer(text) : undefined;
    if (result?.kind === 'answer') await context.sendActivity(faqReply(content, result.entry));
    else await context.sendActivity(content.text('welcome.shared.private', { link }));
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
    // A first-time user hears, once, that a photo or PDF of the bill can be sent and what happens to the file.
    const files = returning ? [] : [content.text('welcome.files')];
    await context.sendActivity([greeting, ...files, content.text('welcome.disclaimer'), content.text('welcome.commandsHint')].join('\n\n'));
    if (loaded.unreadableCases > 0) await context.sendActivity(content.text('errors.unreadableCases'));
    const conversationId = context.activity.conversation?.id;
    if (conversationId) await profiles.update(context, (p) => rememberConversation(p, conversationId));
  }
}
