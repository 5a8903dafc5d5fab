"""The SMS twin of the appointment reminder (sent only where SMS Settings name a gateway: Frappe's send_sms
sends nothing otherwise); same context as the e-mail."""

from gwk_app.casework.notification.consultation_appointment_reminder.consultation_appointment_reminder import (
	get_context,
)

__all__ = ["get_context"]
