#!/usr/bin/python3
# test-session-browser.py: a participant in a real browser (SPEC §10).
#
# `journeys --session FILE` runs; Debian's headless Chromium, driven by
# Selenium, opens the page on a phone-sized window, joins, rates two cards,
# votes in a round the facilitator opens, and comments with markup (shown on
# the card as text), follows the timer (paused, one more minute); then the
# facilitator's file must hold all of it, the comment as plain text, and no
# element may have been made from it.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print('selenium is missing: skipped')
    sys.exit(77)

CHROMIUM = '/usr/bin/chromium'
CHROMEDRIVER = '/usr/bin/chromedriver'
MARKUP = '<img src=x onerror=alert(1)>'


def fail(message):
    print('FAIL: ' + message)
    sys.exit(1)


def start_session(path):
    process = subprocess.Popen([os.environ['JOURNEYS_BIN'], '--session', path],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    match = re.fullmatch(r'Participants join at http://[0-9.]+:([0-9]+)/s/([A-Z0-9]{6,})/', line)
    if not match:
        process.kill()
        fail('unexpected address line: %r' % line)
    return process, 'http://127.0.0.1:%s/s/%s/' % match.groups()


def control(process, line):
    process.stdin.write(line + '\n')
    process.stdin.flush()
    time.sleep(0.3)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ('--headless=new', '--disable-gpu', '--lang=en-US', '--window-size=360,800',
                     '--disable-dev-shm-usage'):
        options.add_argument(argument)
    if os.geteuid() == 0:
        options.add_argument('--no-sandbox')
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def main():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        print('chromium or chromedriver is missing: skipped')
        return 77

    folder = tempfile.mkdtemp(prefix='journeys-browser-')
    path = os.path.join(folder, 'hotel.journey')
    shutil.copy(os.path.join(os.environ['JOURNEYS_EXAMPLES_DIR'], 'hotel.journey'), path)
    with open(path) as f:
        touchpoints = json.load(f)['maps'][0]['touchpoints']

    process, url = start_session(path)
    driver = None
    try:
        driver = browser()
        wait = WebDriverWait(driver, 10)
        driver.get(url)

        # Join: a name and a role.
        wait.until(EC.visibility_of_element_located((By.ID, 'join')))
        driver.find_element(By.ID, 'name').send_keys('Zoë')
        driver.find_element(By.CSS_SELECTOR, 'button[data-role="design"]').click()
        driver.find_element(By.ID, 'join-button').click()
        wait.until(EC.visibility_of_element_located((By.ID, 'map')))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, 'article.card')) == len(touchpoints))

        # The page fits a phone 320 px wide.
        driver.set_window_size(320, 800)
        width = driver.execute_script('return document.documentElement.scrollWidth')
        if width > 320:
            fail('the page is %d px wide on a 320 px phone' % width)

        cards = driver.find_elements(By.CSS_SELECTOR, 'article.card')
        first, second = (card.get_attribute('data-touchpoint') for card in cards[:2])

        def card(tp):
            return driver.find_element(By.CSS_SELECTOR, 'article.card[data-touchpoint="%s"]' % tp)

        card(first).find_element(By.CSS_SELECTOR, 'button[data-score="4"]').click()
        card(second).find_element(By.CSS_SELECTOR, 'button[data-score="2"]').click()

        # A voting round opened by the facilitator reaches the page live.
        control(process, 'vote 3 one hidden')
        wait.until(lambda d: card(first).find_element(By.CSS_SELECTOR, '.vote-add').is_displayed())
        card(first).find_element(By.CSS_SELECTOR, '.vote-add').click()
        wait.until(lambda d: not card(first).find_element(By.CSS_SELECTOR, '.vote-add').is_enabled())

        # A comment with markup stays text.
        box = card(first).find_element(By.TAG_NAME, 'textarea')
        box.send_keys(MARKUP)
        card(first).find_element(By.CSS_SELECTOR, 'button.send').click()
        wait.until(lambda d: driver.execute_script(
            "return JSON.parse(localStorage.getItem(Object.keys(localStorage)"
            ".find(k => k.endsWith('-outbox')))).length") == 0)
        # The room's comments show on the card, as text.
        wait.until(lambda d: d.execute_script(
            "return [...document.querySelectorAll('article.card[data-touchpoint=\"' + arguments[0] + '\"]"
            " .comments .text')].some(e => e.textContent === arguments[1])", first, MARKUP))
        if driver.find_elements(By.TAG_NAME, 'img'):
            fail('an element was made from the comment')
        try:
            driver.switch_to.alert
            fail('the comment ran as script')
        except NoAlertPresentException:
            pass

        # The facilitator's timer: running, paused (with what is left),
        # one more minute.
        control(process, 'timer 5')
        wait.until(lambda d: d.find_element(By.ID, 'timer').text.startswith('Time left: 4:'))
        def paused_seconds(d):
            match = re.fullmatch(r'Timer paused: ([0-9]+):([0-9]{2}) left', d.find_element(By.ID, 'timer').text)
            return int(match.group(1)) * 60 + int(match.group(2)) if match else None

        control(process, 'timer pause')
        left = wait.until(paused_seconds)
        time.sleep(1.2)
        if paused_seconds(driver) != left:
            fail('the paused timer runs on')
        control(process, 'timer +1')
        wait.until(lambda d: paused_seconds(d) == left + 60)
        control(process, 'timer resume')
        wait.until(lambda d: d.find_element(By.ID, 'timer').text.startswith('Time left: 5:'))

        control(process, 'close')
        time.sleep(0.3)
    finally:
        if driver is not None:
            driver.quit()
        control(process, 'stop')
        process.wait(10)

    if process.returncode != 0:
        fail('journeys --session exited with %d' % process.returncode)
    with open(path) as f:
        saved = {tp['id']: tp for tp in json.load(f)['maps'][0]['touchpoints']}
    if saved[first].get('room', {}).get('histogram') != [0, 0, 0, 1, 0]:
        fail('the first rating is not in the file: %r' % saved[first].get('room'))
    if saved[second].get('room', {}).get('histogram') != [0, 1, 0, 0, 0]:
        fail('the second rating is not in the file: %r' % saved[second].get('room'))
    votes_before = next(tp for tp in touchpoints if tp['id'] == first).get('votes', 0)
    if saved[first].get('votes', 0) != votes_before + 1:
        fail('the vote is not in the file')
    comments = [c for c in saved[first].get('comments', []) if c.get('author') == 'Zoë']
    if len(comments) != 1 or comments[0]['text'] != MARKUP or comments[0]['role'] != 'Design':
        fail('the comment is not in the file as text: %r' % comments)
    shutil.rmtree(folder)
    print('ok: joined, rated two cards, voted, commented; all in the file')
    return 0


if __name__ == '__main__':
    sys.exit(main())
