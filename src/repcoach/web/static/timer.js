// Rest countdown and cues, kept from a deadline on performance.now(), never by counting ticks:
// browsers throttle timers in hidden tabs (to once a second, then once a minute), so every tick
// and every return to the page recomputes the time left from the deadline.
"use strict";
const Timer = (() => {
  const BEEPS_BEFORE_END = [3, 2, 1];
  let deadline = null;
  let interval = null;
  let audio = null;
  let voices = false;
  let wakeLock = null;
  let scheduled = [];

  function remaining() {
    return deadline === null ? 0 : Math.max(0, (deadline - performance.now()) / 1000);
  }

  function format(seconds) {
    const whole = Math.ceil(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  }

  function beepAt(secondsFromNow, pitch) {
    const start = audio.currentTime + secondsFromNow;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = pitch;
    gain.gain.setValueAtTime(0.001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.18);
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.2);
    scheduled.push(tone);
  }

  // Beeps are scheduled on the audio clock, ahead of time, so they land on time even if the
  // page's timers are throttled.
  function scheduleBeeps() {
    scheduled.forEach((tone) => tone.stop());
    scheduled = [];
    if (!audio || deadline === null) return;
    const left = remaining();
    BEEPS_BEFORE_END.forEach((before) => { if (left - before > 0.05) beepAt(left - before, 660); });
    if (left > 0.05) beepAt(left, 990);
  }

  function start(seconds, onTick, onEnd) {
    stop();
    deadline = performance.now() + seconds * 1000;
    scheduleBeeps();
    const tick = () => {
      const left = remaining();
      onTick(left);
      if (left <= 0) { stop(); buzz(); onEnd(); }
    };
    tick();
    interval = setInterval(tick, 200);
  }

  function stop() {
    if (interval !== null) clearInterval(interval);
    interval = null;
    deadline = null;
    scheduled.forEach((tone) => tone.stop());
    scheduled = [];
  }

  // The end of a countdown is felt too, where the phone can vibrate (not on iOS).
  function buzz() {
    if (navigator.vibrate) navigator.vibrate([250, 120, 250]);
  }

  // Audio may only start from a user's tap.
  function enableSound() {
    if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
    audio.resume();
    voices = "speechSynthesis" in window;
    scheduleBeeps();
  }

  function say(text) {
    if (!voices) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator) || document.visibilityState !== "visible") return;
    try { wakeLock = await navigator.wakeLock.request("screen"); } catch (error) { wakeLock = null; }
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") keepAwake();
  });

  return { start, stop, remaining, format, enableSound, say, keepAwake, hasSound: () => audio !== null };
})();
