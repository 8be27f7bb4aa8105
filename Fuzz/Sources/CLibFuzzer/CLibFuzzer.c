// Nothing here: the declarations are in include/CLibFuzzer.h, the code in libFuzzer.
#include "CLibFuzzer.h"
