/* Local web chat: Microsoft's Web Chat talking Direct Line 3.0 to this same server. */
(function () {
  'use strict';
  var USER_KEY = 'billcoach.userId';
  /** This tab's conversation (user id, conversation id, latest token): a reload resumes it. */
  var CONVERSATION_KEY = 'billcoach.conversation';
  /* Event names: keep equal to src/channelEvents.ts. */
  var DATA_DELETED = 'billcoach/dataDeleted';
  var RESUMED = 'billcoach/resumed';
  var DIRECT_LINE = window.location.origin + '/v3/directline';
  var root = document.getElementById('webchat');
  var status = document.getElementById('status');

  function newUserId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return 'u-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function userId() {
    var id = null;
    try { id = window.localStorage.getItem(USER_KEY); } catch (e) { id = null; }
    if (!id || id.indexOf('dl_') === 0) {
      id = newUserId();
      try { window.localStorage.setItem(USER_KEY, id); } catch (e) { /* private mode: a new id each visit */ }
    }
    return id;
  }

  function savedConversation(id) {
    var saved = null;
    try { saved = JSON.parse(window.sessionStorage.getItem(CONVERSATION_KEY) || 'null'); } catch (e) { saved = null; }
    var usable = saved && saved.userId === id && typeof saved.conversationId === 'string' && typeof saved.token === 'string';
    return usable ? saved : null;
  }

  function saveConversation(saved) {
    try { window.sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify(saved)); } catch (e) { /* private mode: a reload starts afresh */ }
  }

  function forgetConversation() {
    try { window.sessionStorage.removeItem(CONVERSATION_KEY); } catch (e) { /* nothing stored */ }
  }

  async function tokenFrom(res) {
    if (!res.ok) throw new Error('token ' + res.status);
    var body = await res.json();
    return { token: body.token, conversationId: body.conversationId };
  }

  /** A new conversation for this user. */
  async function newConversation(id) {
    return tokenFrom(await fetch(DIRECT_LINE + '/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: id } })
    }));
  }

  /**
   * The tab's earlier conversation, with a fresh token, while the channel still holds it; null when it
   * expired or the server restarted (the refresh is refused).
   */
  async function earlierConversation(saved) {
    try {
      var grant = await tokenFrom(await fetch(DIRECT_LINE + '/tokens/refresh', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + saved.token }
      }));
      return grant.conversationId === saved.conversationId ? grant : null;
    } catch (e) {
      return null;
    }
  }

  function fail() {
    if (status) status.textContent = root.getAttribute('data-failed');
  }

  async function start() {
    var id = userId();
    var saved = savedConversation(id);
    var grant = saved ? await earlierConversation(saved) : null;
    var resumed = grant !== null;
    if (!grant) grant = await newConversation(id);
    saveConversation({ userId: id, conversationId: grant.conversationId, token: grant.token });
    // Resuming: Direct Line reconnects to the conversation and reads it from the start (watermark empty),
    // so the page shows it again; then the bot is told, and asks the open question again.
    var directLine = window.WebChat.createDirectLine({
      token: grant.token,
      conversationId: resumed ? grant.conversationId : undefined,
      domain: DIRECT_LINE,
      webSocket: false
    });
    /** Direct Line refreshes its token now and then: keep the latest for the next reload. */
    function rememberToken() {
      if (directLine.token && directLine.token !== grant.token) {
        grant.token = directLine.token;
        saveConversation({ userId: id, conversationId: grant.conversationId, token: grant.token });
      }
    }
    window.addEventListener('pagehide', rememberToken);
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          var activity = action.payload && action.payload.activity;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') rememberToken();
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity && activity.type === 'event' && activity.name === DATA_DELETED) {
            try { window.localStorage.removeItem(USER_KEY); } catch (e) { /* nothing stored */ }
            forgetConversation();
          }
          var result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && resumed) {
            resumed = false;
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: RESUMED } });
          }
          return result;
        };
      };
    });
    root.innerHTML = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: id,
        locale: 'en-US',
        styleOptions: {
          accent: '#1f6f54',
          bubbleBorderRadius: 12,
          bubbleFromUserBorderRadius: 12,
          bubbleFromUserBackground: '#e3f1eb',
          bubbleMaxWidth: 560,
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 16,
          // The 📎 button: a photo or PDF of the bill, one at a time, sent as soon as it is picked.
          hideUploadButton: !root.getAttribute('data-upload-accept'),
          uploadAccept: root.getAttribute('data-upload-accept') || undefined,
          uploadMultiple: false,
          sendAttachmentOn: 'attach',
          sendBoxTextWrap: true,
          botAvatarInitials: 'BC',
          userAvatarInitials: 'You'
        },
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: root.getAttribute('data-send-box-placeholder') }
      },
      root
    );
    var input = root.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
  }

  start().catch(fail);
})();
