// A new user's time zone, as the phone knows it, so the schedule follows its clock changes.
const zone = document.getElementById("zone");
if (zone && !zone.value) zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
