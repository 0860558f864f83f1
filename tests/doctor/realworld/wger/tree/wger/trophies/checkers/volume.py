#  This file is part of wger Workout Manager <https://github.com/wger-project>.
#  Copyright (C) 2013 - 2021 wger Team
#
#  wger Workout Manager is free software: you can redistribute it and/or modify
#  it under the terms of the GNU Affero General Public License as published by
#  the Free Software Foundation, either version 3 of the License, or
#  (at your option) any later version.
#
#  wger Workout Manager is distributed in the hope that it will be useful,
#  but WITHOUT ANY WARRANTY; without even the implied warranty of
#  MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
#  GNU Affero General Public License for more details.
#
#  You should have received a copy of the GNU Affero General Public License
#  along with this program.  If not, see <http://www.gnu.org/licenses/>.

# Standard Library
from decimal import Decimal

# Local
from .base import BaseTrophyChecker


class VolumeChecker(BaseTrophyChecker):
    """
    Checker for volume-based trophies.

    Used for trophies that require lifting a cumulative amount of weight.

    Expected params:
        kg (int|float): The total weight in kg required to earn the trophy

    Example:
        Lifter trophy: params={'kg': 5000}
        Atlas trophy: params={'kg': 100000}
    """

    def validate_params(self) -> bool:
        """Validate that kg parameter is present and valid."""
        kg = self.params.get('kg')
        return kg is not None and isinstance(kg, (int, float)) and kg > 0

    def check(self) -> bool:
        """Check if user has lifted the required total weight."""
        if not self.validate_params():
            return False
        return self.get_current_value() >= self.get_target_value()

    def get_progress(self) -> float:
        """Get progress as percentage of weight lifted."""
        if not self.validate_params():
            return 0.0
        target = self.get_target_value()
        if target <= 0:
            return 0.0
        current = float(self.get_current_value())
        progress = (current / target) * 100
        return min(progress, 100.0)

    def get_target_value(self) -> float:
        """Get the target weight in kg."""
        return float(self.params.get('kg', 0))

    def get_current_value(self) -> Decimal:
        """Get the user's total weight lifted in kg."""
        return self.statistics.total_weight_lifted

    def get_progress_display(self) -> str:
        """Get human-readable progress string."""
        current = self.get_current_value()
        target = self.get_target_value()

        return f'{self.format_number(current)} / {self.format_number(target)} kg'
