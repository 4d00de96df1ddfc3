#!/usr/bin/env python3
"""
A new user's whole seed day on the lotflow Console and in Tasklist, in headless Chromium, never with curl
(issue #15's "done"): Mike defines HC-100, makes a lot and receives a delivery; Sarah and Jennifer release the
lot in Tasklist (opened from the lot's Console page; each form links back); Jennifer holds IL250-2024-089;
Tom orders by FEFO and with a requested lot, Jennifer approves the override in Tasklist, Tom ships and
cancels; Sarah investigates, Jennifer signs the disposition and informs the customers in Tasklist; Rachel
traces RM-2025-015, sees the recall's scope, starts it and notifies both customers in Tasklist, Jennifer
closes it; Rachel runs the yearly mock-recall drill; Tom opens the daily review. Screenshots in
target/console-walk/.

Needs Selenium for Python (pip install selenium), Debian's chromium and chromium-driver, and lotflow as the
README's command 1 starts it on a database of its own that nothing else has touched (the demo's lot numbers
are expected), for example
  mvn spring-boot:run "-Dspring-boot.run.arguments=--lotflow.today=2025-01-28 --server.port=18555
    --spring.datasource.url=jdbc:h2:file:/tmp/walk/lotflow"
then: BASE=http://localhost:18555 python3 tools/console-walk.py
"""
import os, re, sys, time, json
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait, Select
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import (StaleElementReferenceException, ElementClickInterceptedException,
                                        NoSuchElementException, TimeoutException)

BASE = os.environ.get('BASE', 'http://localhost:18555')
SHOTS = os.environ.get('SHOTS', 'target/console-walk')
os.makedirs(SHOTS, exist_ok=True)

def browser():
    o = webdriver.ChromeOptions()
    o.binary_location = '/usr/bin/chromium'
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
              "--window-size=1400,1100", "--lang=en-US"]:
        o.add_argument(a)
    d = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=o)
    d.set_page_load_timeout(60)
    return d

class U:
    def __init__(self, d):
        self.d = d
        self.w = WebDriverWait(d, 60, 0.2, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException))
        self.user = None
    def shot(self, name):
        self.d.save_screenshot(f'{SHOTS}/{name}.png')
        open(f'{SHOTS}/{name}.html', 'w').write(self.d.page_source)
    def get(self, path):
        self.d.get(BASE + path)
    def visible(self, css=None, xpath=None):
        by = (By.CSS_SELECTOR, css) if css else (By.XPATH, xpath)
        return self.w.until(EC.visibility_of_element_located(by))
    def click(self, css=None, xpath=None):
        by = (By.CSS_SELECTOR, css) if css else (By.XPATH, xpath)
        def go(d):
            try:
                e = d.find_element(*by)
                if not e.is_displayed() or not e.is_enabled():
                    return False
                d.execute_script("arguments[0].scrollIntoView({block: 'center'});", e)
                e.click()
                return True
            except (ElementClickInterceptedException, StaleElementReferenceException, NoSuchElementException):
                return False
        self.w.until(go)
    def type(self, css, text):
        e = self.visible(css)
        e.clear(); e.send_keys(text)
    def choose(self, css, value=None, text=None):
        s = Select(self.visible(css))
        if value is not None: s.select_by_value(value)
        else: s.select_by_visible_text(text)
    def date(self, css, iso):
        e = self.visible(css)
        self.d.execute_script("arguments[0].value = arguments[1];", e, iso)
    def text(self):
        return self.d.find_element(By.TAG_NAME, 'body').text
    # --- the Console's login (one login for Console, Tasklist, Cockpit)
    def login(self, user):
        if self.user:
            self.d.delete_all_cookies()
            self.get('/console/login')
            self.d.execute_script("window.localStorage.clear(); window.sessionStorage.clear();")
        self.get('/console/login')
        self.type('input[name=username]', user)
        self.type('input[name=password]', user)
        self.click('form button[type=submit]')
        self.visible('#who')
        self.user = user
    # --- Tasklist
    def tasklist(self):
        self.get('/camunda/app/tasklist/default/')
        self.visible(css='.task-filters .content h4 a')
    def open_task_from_console(self, link_text_contains):
        """On a Console page: follows the Tasklist link of the task whose row or link names it."""
        def find(d):
            try:
                for a in d.find_elements(By.CSS_SELECTOR, 'a[href*="tasklist"][href*="task="]'):
                    row = a.find_element(By.XPATH, './ancestor::*[self::tr or self::span][1]')
                    if link_text_contains in row.text or link_text_contains in a.text:
                        return a.get_attribute('href')
            except StaleElementReferenceException:
                return False
            return False
        href = WebDriverWait(self.d, 20, 0.3).until(find, f'a Tasklist link for {link_text_contains!r}')
        self.d.get(href)
        return self.taskform()
    def taskform(self):
        return self.visible(css='[cam-tasklist-form] .fjs-form, [cam-tasklist-form] form[name]')
    def claim(self):
        if self.d.find_elements(By.CSS_SELECTOR, 'button.unclaim'):
            return
        self.click('button.claim')
        self.visible('button.unclaim')
        time.sleep(1)  # Tasklist renders the form again once claimed
    def fjs_textarea(self, label, text):
        e = self.visible(xpath="//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), '%s')]]//textarea" % label)
        e.clear(); e.send_keys(text)
        time.sleep(0.6)  # form-js takes a typed value after a short debounce, as a person's pause
    def fjs_select(self, label, option):
        field = "//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), '%s')]]" % label
        self.click(xpath=field + "//*[contains(@class,'fjs-select-display') or contains(@class,'fjs-input-group')]")
        self.click(xpath=field + "//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.), '%s')]" % option)
    def console_link_in_form(self):
        a = self.visible(css='[cam-tasklist-form] a[href*="/console/"]')
        return a.get_attribute('href')
    def complete(self):
        for c in self.d.find_elements(By.CSS_SELECTOR, '.notifications .alert button.close'):
            try:
                if c.is_displayed(): c.click()
            except Exception: pass
        self.w.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[ng-click='complete()']")))
        self.click("button[ng-click='complete()']")
    def completed(self):
        """After Complete: the form is gone (Tasklist shows no task) or a notification says what went wrong."""
        def done(d):
            alerts = [a.text for a in d.find_elements(By.CSS_SELECTOR, '.notifications .alert-danger') if a.is_displayed()]
            if alerts: raise AssertionError('Tasklist refused: ' + ' | '.join(alerts))
            return not d.find_elements(By.CSS_SELECTOR, "button[ng-click='complete()']")
        self.w.until(done)

def step(msg):
    print(time.strftime('%H:%M:%S'), msg, flush=True)


def release(d, u):
    """Steps 1-4a: a product, a lot, a delivery, its lab release in Tasklist, the certificate."""
    step('mike defines HC-100 on the Console')
    u.login('mike')
    u.click('#nav-products')
    for f, v in [('sku', 'HC-100'), ('name', 'Hydraulic Concentrate HC-100'), ('unit', 'drums'),
                 ('shelfLifeMonths', '18'), ('lotNumberPattern', 'HC100-{yyyy}-{seq:3}')]:
        u.type('#product-form #' + f, v)
    u.type('#specs', 'viscosity40C cSt 245 255\nflashPoint °C 220 -')
    u.click('#product-create')
    u.visible('#product-created')
    step('mike makes a lot')
    u.click('#nav-new-lot')
    u.choose('#sku', value='HC-100')
    u.type('#quantity', '400')
    u.date('#manufactureDate', '2025-01-27')
    u.type('#location', 'Warehouse A, Zone 3')
    u.type('#productionOrder', 'PO-2025-0042')
    u.click('#lot-create')
    u.visible('#created-notice')
    lot = u.visible('#lot-number').text
    step('created ' + lot + ' status ' + u.visible('#lot-status').text)
    u.shot('01-lot-created')
    assert 'Record lab results' in u.visible('#next-steps').text, u.text()

    step('mike receives a delivery with two expiration dates')
    u.click('#nav-receipt')
    u.choose('#sku', value='RM-BASE-OIL')
    u.type('#supplier', 'Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029')
    u.type('#supplierLotNumber', 'GCB-25-0112')
    u.date('#receiptDate', '2025-01-27')
    u.type('#location', 'Tank farm 1')
    u.type('#deliveryReference', 'BOL-2025-0131')
    u.type('#lines', '3000 2027-01-10 2025-01-10\n3000 2027-01-10')
    u.click('#receipt-submit')
    err = u.visible('[data-field=lines]').text
    step('same dates refused: ' + err)
    u.type('#lines', '3000 2027-01-10 2025-01-10\n1500 2027-01-24')
    u.click('#receipt-submit')
    u.visible('#received-notice')
    rows = d.find_elements(By.CSS_SELECTOR, '#lot-table tr[data-lot]')
    step('received: ' + ', '.join(r.get_attribute('data-lot') for r in rows))
    u.shot('02-received')

    step('sarah records lab results in Tasklist, from the lot page')
    u.login('sarah')
    u.get('/console/lots/' + lot)
    u.open_task_from_console('Record lab results')
    link = u.console_link_in_form()
    step('form links to ' + link)
    u.claim()
    u.fjs_textarea('Results', 'viscosity40C = 248\nflashPoint = 225')
    u.shot('03-lab-form')
    u.complete(); u.completed()

    step('jennifer approves in Tasklist, from the lot page')
    u.login('jennifer')
    u.get('/console/lots/' + lot)
    u.open_task_from_console('Approve release')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.choose('#approved', value='true')
    u.type('#comment', 'All specifications met')
    u.type('#signaturePassword', 'jennifer')
    u.complete(); u.completed()
    for i in range(30):
        u.get('/console/lots/' + lot)
        if u.visible('#lot-status').text == 'RELEASED': break
        time.sleep(1)
    step(lot + ' is ' + u.visible('#lot-status').text)
    u.shot('04-released')
    u.login('tom')
    u.get('/console/lots/' + lot)
    href = u.visible('#coa-link').get_attribute('href')
    step('certificate at ' + href)

def quarantine_and_orders(d, u):
    """Steps 5-7: a hold, FEFO orders, the override approved in Tasklist, shipping, a cancel, the investigation and the signed disposition."""
    step('jennifer holds IL250-2024-089 on the Console')
    u.login('jennifer')
    u.get('/console/lots/IL250-2024-089')
    u.type('#hold-reason', 'Viscosity variation reported: batch viscosity 5% below specification')
    u.choose('#hold-source', value='COMPLAINT')
    u.type('#hold-reference', 'Industrial Services Inc.')
    u.click('#hold-submit')
    u.visible('#held-notice')
    step('089 is ' + u.visible('#lot-status').text + '; next: ' + u.visible('#next-steps').text)

    step('tom sees FEFO on the lot list')
    u.login('tom')
    u.get('/console/lots?sku=IL-250-55GAL&status=RELEASED')
    nxt = d.find_elements(By.XPATH, "//tr[.//span[contains(@class,'mark-next')]]")
    step('next to allocate: ' + ', '.join(r.get_attribute('data-lot') for r in nxt))
    step('tom orders SO-2025-1345')
    u.click('#nav-new-order')
    u.type('#orderNumber', 'SO-2025-1345'); u.type('#customer', 'Industrial Services Inc.')
    u.choose('#sku', value='IL-250-55GAL'); u.type('#quantity', '200')
    u.date('#requiredBy', '2025-02-05'); u.type('#minShelfLifeMonths', '18')
    u.click('#order-form button[type=submit]')
    u.visible('#placed-notice')
    step('SO-2025-1345 ' + u.visible('#order-status').text + ' ' + u.visible('#allocations').text.replace('\n', ' | '))
    step('tom orders SO-2025-1346 with a requested lot')
    u.click('#nav-new-order')
    u.type('#orderNumber', 'SO-2025-1346'); u.type('#customer', 'Precision Parts Co.')
    u.choose('#sku', value='IL-250-55GAL'); u.type('#quantity', '50'); u.type('#requestedLot', 'IL250-2025-001')
    u.click('#order-form button[type=submit]')
    u.visible('#placed-notice')
    step('SO-2025-1346 ' + u.visible('#order-status').text + '; ' + u.visible('#override-panel').text)

    step('jennifer approves the override in Tasklist, from the order page')
    u.login('jennifer')
    u.get('/console/orders/SO-2025-1346')
    u.open_task_from_console('Approve')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.choose('#approved', value='true')
    u.type('#comment', 'Customer qualified lot 001 only')
    u.type('#signaturePassword', 'jennifer')
    u.shot('05-override-form')
    u.complete(); u.completed()
    for i in range(30):
        u.get('/console/orders/SO-2025-1346')
        if u.visible('#order-status').text == 'ALLOCATED': break
        time.sleep(1)
    step('SO-2025-1346 ' + u.visible('#order-status').text)

    step('tom ships SO-2025-1345 and cancels a third order')
    u.login('tom')
    u.get('/console/orders/SO-2025-1345')
    u.date('#shippedAt', '2025-01-28'); u.type('#carrier', 'DHL Freight')
    u.click('#ship')
    u.visible('#shipped-notice')
    step('SO-2025-1345 ' + u.visible('#order-status').text)
    u.click('#nav-new-order')
    u.type('#orderNumber', 'SO-2025-1347'); u.type('#customer', 'Acme Manufacturing')
    u.choose('#sku', value='IL-250-55GAL'); u.type('#quantity', '20')
    u.click('#order-form button[type=submit]')
    u.visible('#placed-notice')
    u.click('#cancel-order')
    u.visible('#cancelled-notice')
    step('SO-2025-1347 ' + u.visible('#order-status').text)

    step('sarah investigates 089 in Tasklist, from the lot page')
    u.login('sarah')
    u.get('/console/lots/IL250-2024-089')
    u.open_task_from_console('Investigate')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.fjs_textarea('Findings', 'Retained sample retested at 249 cSt (spec 245-255); customer sample contaminated')
    u.fjs_textarea('Root cause', 'Storage at the customer site')
    u.fjs_textarea('Retained-sample results', 'viscosity = 249 cSt, flashPoint = 224 °C')
    u.complete(); u.completed()

    step('jennifer signs the disposition in Tasklist')
    u.login('jennifer')
    u.get('/console/lots/IL250-2024-089')
    u.open_task_from_console('Decide disposition')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.choose('#decision', value='RELEASE')
    u.type('#justification', 'Retained samples within specification; complaint caused by storage at the customer')
    u.type('#signaturePassword', 'jennifer')
    u.complete(); u.completed()
    for i in range(30):
        u.get('/console/lots/IL250-2024-089')
        if u.visible('#lot-status').text == 'RELEASED' and d.find_elements(By.CSS_SELECTOR, '#next-steps'): break
        time.sleep(1)
    step('089 is ' + u.visible('#lot-status').text)
    u.open_task_from_console('Inform customers')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.fjs_textarea('How and when', 'Phoned Precision Parts Co. on 2025-01-28')
    u.complete(); u.completed()
    u.get('/console/lots/IL250-2024-089')
    hist = [r.get_attribute('data-type') for r in d.find_elements(By.CSS_SELECTOR, '#history tr[data-type]')]
    step('history: ' + ' '.join(hist[-8:]))
    u.shot('06-089-history')

def recall_and_drill(d, u):
    """Step 8 and the drill: trace, recall scope, recall, notifications and closing in Tasklist, the board, a drill, the reports."""
    step('rachel traces RM-2025-015 and previews the recall')
    u.login('rachel')
    u.get('/console/lots/RM-2025-015')
    u.w.until(lambda d: d.find_element(By.ID, 'genealogy').get_attribute('data-nodes'))
    step('genealogy nodes ' + d.find_element(By.ID, 'genealogy').get_attribute('data-nodes'))
    u.type('#recall-reason', 'Supplier reports contamination')
    u.choose('#recall-classification', value='CLASS_I')
    u.click('#recall-preview')
    scope = u.visible('#recall-scope').text
    step('scope: ' + scope.split('\n')[0])
    u.click('#recall-start')
    u.visible('#started-notice')
    rc = u.visible('#recall-number').text
    step('started ' + rc)
    for i in range(30):
        u.get('/console/recalls/' + rc)
        if len(d.find_elements(By.CSS_SELECTOR, '#tasks a[href*="task="]')) >= 2: break
        time.sleep(1)
    u.shot('07-recall')
    for cust, qty in [('Metro Manufacturing', '50'), ('Allied Machining', '25')]:
        u.get('/console/recalls/' + rc)
        u.open_task_from_console(cust)
        step('form links to ' + u.console_link_in_form())
        u.claim()
        u.choose('#contactMethod', value='PHONE')
        u.type('#contactPerson', 'Purchasing manager of ' + cust)
        u.choose('#acknowledged', value='true')
        u.type('#quantityReturned', qty)
        u.complete(); u.completed()
        step('notified ' + cust)
    u.get('/console/recalls')
    step('board open: ' + u.visible('#recalls-open').text.replace('\n', ' | ')[:300])

    step('jennifer closes the recall in Tasklist')
    u.login('jennifer')
    for i in range(30):
        u.get('/console/recalls/' + rc)
        if 'Close recall' in u.text(): break
        time.sleep(1)
    u.open_task_from_console('Close recall')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.fjs_textarea('Closing statement', 'All stock retrieved; CAPA-2025-004')
    u.complete(); u.completed()
    for i in range(30):
        u.get('/console/recalls/' + rc)
        if u.visible('#recall-status').text == 'CLOSED': break
        time.sleep(1)
    step(rc + ' ' + u.visible('#recall-status').text + ': ' + u.visible('#effectiveness').text.replace('\n', ' '))
    u.get('/console/recalls')
    step('closed board: ' + u.visible('#recalls-closed').text.replace('\n', ' | ')[:200])
    u.shot('08-board')

    step('rachel runs the yearly drill')
    u.login('rachel')
    u.get('/console/lots/IL250P-2025-002')
    u.click('#lot-drill-start')
    u.visible('#drill-started-notice')
    mr = u.visible('#drill-number').text
    step('drill ' + mr + ' ' + u.visible('#drill-status').text)
    u.open_task_from_console('Review drill scope')
    step('form links to ' + u.console_link_in_form())
    u.claim()
    u.fjs_select('Is the trace complete', 'Yes')
    u.fjs_textarea('Findings', 'Delivery note BOL-2025-0117 and both shipping documents found')
    u.complete(); u.completed()
    for i in range(30):
        u.get('/console/drills/' + mr)
        if 'Close drill' in u.text(): break
        time.sleep(1)
    u.open_task_from_console('Close drill')
    u.claim()
    u.fjs_textarea('Closing statement', 'Traced both ways and reconciled within the target; no action')
    u.complete(); u.completed()
    for i in range(30):
        u.get('/console/drills/' + mr)
        if u.visible('#drill-status').text != 'IN_PROGRESS': break
        time.sleep(1)
    step(mr + ' ' + u.visible('#drill-status').text)
    u.shot('09-drill')
    step('reports page as tom')
    u.login('tom')
    u.click('#nav-reports')
    u.click('#report-daily button[type=submit]')
    step('daily: ' + u.text()[:200].replace('\n', ' '))


def wait_ready():
    """Until the demo users exist (the port answers a little before the demo data is in)."""
    import base64, urllib.request, urllib.error
    auth = 'Basic ' + base64.b64encode(b'mike:mike').decode()
    for _ in range(120):
        try:
            with urllib.request.urlopen(urllib.request.Request(BASE + '/api/products', headers={'Authorization': auth})):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(1)
    raise SystemExit('lotflow does not answer at ' + BASE)


if __name__ == '__main__':
    wait_ready()
    d = browser()
    u = U(d)
    try:
        release(d, u)
        quarantine_and_orders(d, u)
        recall_and_drill(d, u)
        step('the whole day walked on the Console and in Tasklist')
    except Exception:
        u.shot('failed')
        raise
    finally:
        d.quit()
