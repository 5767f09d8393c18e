export const flows = [];
