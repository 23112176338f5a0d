<?php
$client->checkGate(ctx, "statsig-php", false);
