// libxlsxwriter (Debian's libxlsxwriter-dev): writes Excel .xlsx files with typed cells.
#include <xlsxwriter.h>
