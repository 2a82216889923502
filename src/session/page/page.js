// The participant page of a Journeys workshop session (SPEC §10).
// Plain JavaScript, no framework.  Participants' text is only ever set as
// textContent: never innerHTML.
'use strict';

(function () {
  const strings = JSON.parse(document.getElementById('strings').textContent);
  const t = (key) => strings[key] || key;
  const code = location.pathname.split('/')[2] || '';
  const store = 'journeys-' + code.toUpperCase() + '-';
  const $ = (id) => document.getElementById(id);

  let token = localStorage.getItem(store + 'participant');
  let map = null;
  let voting = { open: false, votes_per_person: 0, one_per_card: false, hidden: true };
  let timer = { ends: null, paused: false, remaining: 0 };
  let paused = false;
  let myRatings = JSON.parse(localStorage.getItem(store + 'ratings') || '{}');
  let myVotes = JSON.parse(localStorage.getItem(store + 'votes') || '{}');
  let outbox = JSON.parse(localStorage.getItem(store + 'outbox') || '[]');
  const cards = new Map();

  function save () {
    localStorage.setItem(store + 'ratings', JSON.stringify(myRatings));
    localStorage.setItem(store + 'votes', JSON.stringify(myVotes));
    localStorage.setItem(store + 'outbox', JSON.stringify(outbox));
  }

  function el (tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {}))
      node.setAttribute(k, v);
    if (text !== undefined)
      node.textContent = text;
    return node;
  }

  function showStatus (text) {
    const status = $('status');
    status.textContent = text || '';
    status.hidden = !text;
  }

  for (const node of document.querySelectorAll('[data-t]'))
    node.textContent = t(node.dataset.t);

  // -- Talking to the server ----------------------------------------------

  async function request (method, path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (token)
      headers['X-Participant'] = token;
    const answer = await fetch('api/' + path, { method, headers, body: JSON.stringify(body), credentials: 'same-origin' });
    if (!answer.ok) {
      let message = answer.statusText;
      try { message = (await answer.json()).error || message; } catch (e) { /* not JSON */ }
      const error = new Error(message);
      error.status = answer.status;
      throw error;
    }
    return answer.status === 200 ? answer.json() : null;
  }

  // Sends what waits in the outbox, in order; what the network drops stays.
  let flushing = false;
  async function flush () {
    if (flushing)
      return;
    flushing = true;
    try {
      while (outbox.length > 0) {
        const item = outbox[0];
        try {
          await request(item.method, item.path, item.body);
          outbox.shift();
          save();
          if (item.onSent)
            item.onSent();
          showStatus(null);
        } catch (error) {
          if (error.status === undefined || error.status === 429 || error.status >= 500) {
            showStatus(t('Not sent yet: it will be sent when the connection is back.'));
            setTimeout(flush, error.status === 429 ? 5000 : 2000);
            return;
          }
          outbox.shift();
          save();
          if (error.status === 401) {
            forget();
            return;
          }
          showStatus(t('This did not work: {e}').replace('{e}', error.message));
          if (item.onFailed)
            item.onFailed();
        }
      }
    } finally {
      flushing = false;
    }
  }

  function send (method, path, body) {
    outbox.push({ method, path, body });
    save();
    flush();
  }

  function forget () {
    token = null;
    localStorage.removeItem(store + 'participant');
    myRatings = {};
    myVotes = {};
    outbox = [];
    save();
    showJoin();
  }

  // -- Joining --------------------------------------------------------------

  const roles = ['business', 'design', 'development', 'support', 'customer', 'other'];
  const roleLabels = { business: 'Business', design: 'Design', development: 'Development',
                       support: 'Support', customer: 'Customer', other: 'Other' };
  let role = null;

  function showJoin () {
    $('join').hidden = false;
    $('map').hidden = true;
  }

  const roleBox = el('div', { class: 'choices' });
  for (const id of roles) {
    const button = el('button', { type: 'button', 'aria-pressed': 'false', 'data-role': id }, t(roleLabels[id]));
    button.addEventListener('click', () => {
      role = id;
      for (const other of roleBox.children)
        other.setAttribute('aria-pressed', String(other === button));
    });
    roleBox.append(button);
  }
  $('roles').append(roleBox);

  $('join-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $('join-error');
    if (!role) {
      error.textContent = t('Please choose your role.');
      error.hidden = false;
      return;
    }
    try {
      const answer = await request('POST', 'join', { name: $('name').value.trim() || null, role });
      token = answer.participant;
      localStorage.setItem(store + 'participant', token);
      error.hidden = true;
      showMap();
    } catch (e) {
      error.textContent = t('This did not work: {e}').replace('{e}', e.message);
      error.hidden = false;
    }
  });

  // -- The map --------------------------------------------------------------

  function votesLeft () {
    let used = 0;
    for (const n of Object.values(myVotes))
      used += n;
    return Math.max(0, voting.votes_per_person - used);
  }

  function makeCard (tp) {
    const card = el('article', { class: 'card', 'data-touchpoint': tp.id });
    const heading = el('h3');
    const rating = el('div', { class: 'rating', role: 'group' });
    const voteRow = el('div', { class: 'row vote' });
    const vote = el('button', { type: 'button', class: 'vote-add' }, t('Vote'));
    const unvote = el('button', { type: 'button', class: 'vote-remove' }, t('Take back a vote'));
    const mine = el('span', { class: 'note' });
    const label = el('label', { for: 'comment-' + tp.id }, t('Comment'));
    const comment = el('textarea', { id: 'comment-' + tp.id, maxlength: '2000' });
    const commentRow = el('div', { class: 'row' });
    const sendButton = el('button', { type: 'button', class: 'send' }, t('Send'));
    const sent = el('span', { class: 'note', role: 'status' });
    const others = el('ul', { class: 'comments', 'aria-label': t('Comments') });

    comment.value = localStorage.getItem(store + 'draft-' + tp.id) || '';
    comment.addEventListener('input', () => localStorage.setItem(store + 'draft-' + tp.id, comment.value));
    sendButton.addEventListener('click', () => {
      const text = comment.value.trim();
      if (!text)
        return;
      outbox.push({ method: 'POST', path: 'comment', body: { touchpoint: tp.id, text } });
      save();
      comment.value = '';
      localStorage.removeItem(store + 'draft-' + tp.id);
      sent.textContent = t('Sent.');
      flush();
    });
    vote.addEventListener('click', () => {
      myVotes[tp.id] = (myVotes[tp.id] || 0) + 1;
      send('POST', 'vote', { touchpoint: tp.id });
      update();
    });
    unvote.addEventListener('click', () => {
      if (!myVotes[tp.id])
        return;
      myVotes[tp.id]--;
      send('DELETE', 'vote', { touchpoint: tp.id });
      update();
    });

    voteRow.append(vote, unvote, mine);
    commentRow.append(sendButton, sent);
    card.append(heading, el('p', { class: 'note' }, t('Your rating')), rating, voteRow, others, label, comment, commentRow);
    return { card, heading, rating, voteRow, vote, unvote, mine, sendButton, comment, others, scale: '' };
  }

  function fillRating (parts, tp) {
    const key = JSON.stringify(map.scale);
    if (parts.scale !== key) {
      parts.rating.replaceChildren();
      for (let step = map.scale.min; step <= map.scale.max; step++) {
        const text = step + ' · ' + (map.scale.labels[step - map.scale.min] || '');
        const button = el('button', { type: 'button', 'data-score': String(step) }, text);
        button.addEventListener('click', () => {
          myRatings[tp.id] = step;
          send('POST', 'rate', { touchpoint: tp.id, score: step });
          update();
        });
        parts.rating.append(button);
      }
      parts.scale = key;
    }
    for (const button of parts.rating.children)
      button.setAttribute('aria-pressed', String(Number(button.dataset.score) === myRatings[tp.id]));
  }

  // The room's comments, as text; those the facilitator hid are not sent.
  function fillComments (parts, tp) {
    const items = (tp.comments || []).map((c) => {
      const item = el('li');
      const who = [c.author, c.role].filter((part) => part).join(' · ');
      if (who)
        item.append(el('span', { class: 'author' }, who));
      item.append(el('span', { class: 'text' }, c.text));
      return item;
    });
    parts.others.replaceChildren(...items);
    parts.others.hidden = items.length === 0;
  }

  function drawCurve () {
    const svg = $('curve');
    const ns = 'http://www.w3.org/2000/svg';
    const points = map.touchpoints.filter((tp) => tp.on_curve);
    const end = Math.max(1, ...map.touchpoints.map((tp) => tp.time));
    const span = Math.max(1, map.scale.max - map.scale.min);
    svg.replaceChildren();
    const middle = document.createElementNS(ns, 'line');
    middle.setAttribute('x1', '0');
    middle.setAttribute('x2', '300');
    middle.setAttribute('y1', '45');
    middle.setAttribute('y2', '45');
    svg.append(middle);
    const coords = points.map((tp) => [5 + 290 * tp.time / end, 85 - 80 * (tp.satisfaction - map.scale.min) / span]);
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', coords.map((p) => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' '));
    svg.append(line);
  }

  function update () {
    if (!map)
      return;
    $('title').textContent = map.title;
    document.title = map.title;
    drawCurve();

    const stages = $('stages');
    const seen = new Set();
    const sections = [];
    for (const stage of map.stages) {
      const section = el('section', { class: 'stage' });
      section.append(el('h2', {}, stage.name));
      for (const tp of map.touchpoints.filter((each) => each.stage === stage.id)) {
        let parts = cards.get(tp.id);
        if (!parts) {
          parts = makeCard(tp);
          cards.set(tp.id, parts);
        }
        seen.add(tp.id);
        parts.heading.textContent = tp.number + '. ' + tp.title;
        fillRating(parts, tp);
        fillComments(parts, tp);
        parts.voteRow.hidden = !voting.open;
        parts.vote.disabled = paused || votesLeft() === 0 || (voting.one_per_card && (myVotes[tp.id] || 0) > 0);
        parts.unvote.disabled = paused || !myVotes[tp.id];
        parts.mine.textContent = myVotes[tp.id] ? '● '.repeat(myVotes[tp.id]).trim() : '';
        for (const button of parts.rating.children)
          button.disabled = paused;
        parts.sendButton.disabled = paused;
        section.append(parts.card);
      }
      sections.push(section);
    }
    for (const id of [...cards.keys()])
      if (!seen.has(id))
        cards.delete(id);
    // Moving the cards keeps what is typed in them, and the focus.
    const focused = document.activeElement;
    stages.replaceChildren(...sections);
    if (focused && document.contains(focused))
      focused.focus();

    const votingBox = $('voting');
    votingBox.hidden = !voting.open;
    votingBox.textContent = t('A voting round is open.') + ' ' + t('Votes left: {n}').replace('{n}', votesLeft());
    if (paused)
      showStatus(t('Participation is paused.'));
    else if ($('status').textContent === t('Participation is paused.'))
      showStatus(null);
  }

  function showTimer () {
    const box = $('timer');
    let left = timer.paused ? timer.remaining : (timer.ends ? Math.round((Date.parse(timer.ends) - Date.now()) / 1000) : null);
    if (left === null || (!timer.ends && !timer.paused)) {
      box.hidden = true;
      return;
    }
    left = Math.max(0, left);
    box.hidden = false;
    const clock = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    box.classList.toggle('paused', !!timer.paused);
    if (timer.paused)
      box.textContent = t('Timer paused: {t} left').replace('{t}', clock);
    else
      box.textContent = left > 0 ? t('Time left: {t}').replace('{t}', clock) : t('Time is up.');
  }
  setInterval(showTimer, 1000);

  // -- Following the map live ---------------------------------------------

  function follow () {
    const events = new EventSource('api/events');
    events.addEventListener('map', (event) => {
      const data = JSON.parse(event.data);
      map = data;
      if (data.voting)
        setVoting(data.voting);
      if (data.timer)
        timer = data.timer;
      paused = !!data.paused;
      if ($('status').textContent === t('Reconnecting…'))
        showStatus(null);
      update();
      showTimer();
      flush();
    });
    events.addEventListener('voting', (event) => { setVoting(JSON.parse(event.data)); update(); });
    events.addEventListener('timer', (event) => { timer = JSON.parse(event.data); showTimer(); });
    events.addEventListener('paused', (event) => { paused = JSON.parse(event.data).paused; update(); });
    events.addEventListener('error', () => showStatus(t('Reconnecting…')));
  }

  function setVoting (next) {
    if (next.open && !voting.open)
      myVotes = {};
    voting = next;
    save();
  }

  function showMap () {
    $('join').hidden = true;
    $('map').hidden = false;
    update();
  }

  window.addEventListener('online', flush);
  follow();
  if (token)
    showMap();
  else
    showJoin();
})();
