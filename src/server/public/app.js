/* Local web chat: Microsoft's Web Chat talking Direct Line 3.0 to this same server. */
(function () {
  'use strict';
  var USER_KEY = 'billcoach.userId';
  var DATA_DELETED = 'billcoach/dataDeleted';
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

  function fail() {
    if (status) status.textContent = root.getAttribute('data-failed');
  }

  async function start() {
    var id = userId();
    var res = await fetch('/v3/directline/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: id } })
    });
    if (!res.ok) throw new Error('token ' + res.status);
    var token = (await res.json()).token;
    var directLine = window.WebChat.createDirectLine({
      token: token,
      domain: window.location.origin + '/v3/directline',
      webSocket: false
    });
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action.payload && action.payload.activity;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity && activity.type === 'event' && activity.name === DATA_DELETED) {
            try { window.localStorage.removeItem(USER_KEY); } catch (e) { /* nothing stored */ }
          }
          return next(action);
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
          hideUploadButton: true,
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
