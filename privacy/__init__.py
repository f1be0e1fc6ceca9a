"""People's rights under the Personal Data Protection Law (91/2025/QH15, Decree 356/2025).

The top of the layers: it reads and changes data of accounts, messaging, teams and trainings
(through their public functions where they have them), and nothing but config imports it.
"""
