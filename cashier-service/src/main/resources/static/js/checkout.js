/*
 * The pay form's live breakdown: when the buyer picks a coupon or toggles points, the breakdown and the
 * pay button follow. Plain script, no library: the numbers are the server's (each coupon's discount for
 * this order and the points' worth, rendered as data attributes), and the rule mirrors pay-core's — the
 * coupon first, then points up to all but 0.01, which the method always pays. Nothing here is posted:
 * the form sends only the coupon id and the points choice, and pay-core computes the parts again.
 */
(function () {
  'use strict';
  var LEAST_REST = 0; // minor units the method always pays (pay-core's rule: the points may pay all the coupon leaves)
  var form = document.querySelector('form[data-checkout]');
  if (!form) {
    return;
  }
  var total = parseInt(form.getAttribute('data-total'), 10);

  function byTestId(id) {
    return form.querySelector('[data-testid="' + id + '"]');
  }

  // the same text as the server's AmountText for CNY: ¥ and two decimals, in integer arithmetic
  function yuan(minor) {
    var cents = String(minor % 100);
    return '¥' + Math.floor(minor / 100) + '.' + (cents.length < 2 ? '0' + cents : cents);
  }

  function chosenDiscount() {
    var chosen = form.querySelector('input[name="coupon_id"]:checked');
    return chosen ? parseInt(chosen.getAttribute('data-discount') || '0', 10) : 0;
  }

  function update() {
    var coupon = chosenDiscount();
    var pointsBox = byTestId('use-points');
    var worth = pointsBox ? parseInt(pointsBox.getAttribute('data-worth') || '0', 10) : 0;
    var points = pointsBox && pointsBox.checked && !pointsBox.disabled
        ? Math.min(worth, Math.max(0, total - coupon - LEAST_REST)) : 0;
    var rest = total - coupon - points;
    var covered = coupon + points > 0 && rest <= LEAST_REST;
    byTestId('pay-breakdown-coupon').textContent = '−' + yuan(coupon);
    byTestId('pay-breakdown-points').textContent = '−' + yuan(points);
    byTestId('pay-breakdown-rest').textContent = yuan(rest);
    var note = byTestId('pay-covered');
    if (note) {
      note.hidden = !covered;
      note.textContent = note.textContent.replace(/¥\d+\.\d\d/, yuan(rest));
    }
    // all paid by coupon and points: no channel needed, the wallet is preselected (it pays 0.00)
    var balance = byTestId('pay-method-BALANCE');
    if (covered && balance && !balance.disabled) {
      balance.checked = true;
    }
    var submit = byTestId('pay-submit');
    var label = submit.getAttribute('data-label');
    if (label) {
      submit.textContent = label.replace('{amount}', yuan(rest));
    }
  }

  form.addEventListener('change', function (event) {
    if (event.target.name === 'coupon_id' || event.target.name === 'use_points') {
      update();
    }
  });
  update();
}());
